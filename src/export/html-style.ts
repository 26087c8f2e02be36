// The HTML report's style sheet, inline in the page: on screen, on a phone and printed.
export const STYLE = `
  :root { color: #1a1a1a; background: #fff; }
  /* The text in rem: 15 pixels at a browser's usual size, larger for a reader who chose a larger
     text size in the browser's settings, as the headings and the page's width grow with it. */
  body { font: .9375rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
  .meta { color: #555; margin-top: 0; }
  .note { background: #f4f4f4; border-left: 4px solid #888; padding: .5rem .8rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
  th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; }
  /* What a person typed or a library named can hold a word longer than the page (a URL, an id):
     it breaks anywhere rather than run off a printed page, or make the browser shrink the page. */
  bdi { overflow-wrap: anywhere; }
  .whole { white-space: nowrap; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  td:first-child, td.num, td.scores, .day { white-space: nowrap; }
  table.sessions td.what { min-width: 11em; }
  /* A session's drills, on a line under its row: part of it, so no rule between them. Though the
     row's first cell, it is a sentence across the table: it wraps, where one long line would
     push the table's columns off the screen and off a printed page. */
  table.sessions tr.drills td { border-top-style: hidden; padding-top: 0; font-size: .9em; white-space: normal; }
  /* Wide enough for "rehab (until the buckets were cleared on 2026-10-12)" in three lines. */
  td.to { min-width: 11em; }
  .id { color: #666; font-size: .9em; }
  .due, .yes, .flare { font-weight: bold; }
  .flare { color: #a00; }
  .empty, .aside { color: #555; font-style: italic; }
  .legend { color: #555; font-size: .9em; }
  .lines { white-space: pre-line; }
  svg { max-width: 100%; height: auto; }
  figure { margin: 1rem 0; }
  figcaption { margin-bottom: .3rem; }
  /* On a screen narrower than a table (a phone, a tablet held upright, a window beside another),
     the table scrolls sideways on its own in its box, and the page keeps the screen's width for
     the text around it. Printed, nothing is cut off. */
  @media screen { div.table { overflow-x: auto; } }
  /* Such a box is reached with the Tab key, to scroll it with the arrow keys: outlined then, on
     the screen only, not on the page printed while it has the focus. */
  @media screen { div[tabindex]:focus-visible { outline: 2px solid #1f4e79; outline-offset: 2px; } }
  /* A chart drawn narrower than 36rem would shrink its dates and scores to a few pixels high (at
     a phone's 375 pixels, 6), too small to read: on a narrower screen it keeps that width, 9/10
     of its own, and scrolls sideways in its box as a table does. Printed, it fits the page. */
  @media screen {
    div.chart { overflow-x: auto; }
    div.chart svg { min-width: 36rem; }
  }
  /* With the colours a person chose for the whole system (Windows' high contrast), the charts take
     them too, rather than stay white boxes in a dark page: lines, dots and numbers in the text's
     colour, the grid dimmer, the two lines told apart by their dashes and dots, as printed in
     black and white. */
  @media (forced-colors: active) {
    svg rect { fill: Canvas; }
    svg text { fill: CanvasText; }
    svg line, svg polyline { stroke: CanvasText; }
    svg line[stroke="#ddd"] { stroke: GrayText; }
    svg circle { fill: CanvasText; }
    svg circle[fill="none"] { fill: none; stroke: CanvasText; }
  }
  /* Where the screen leaves room on either side of the text (a laptop's, with room for a scroll
     bar), the session table's nine columns take 3rem of it on each side. */
  @media screen and (min-width: 64rem) { div.wide { margin: 0 -3rem; } }
  @media screen and (max-width: 40rem) {
    /* A drill's name keeps its words whole: the room "To" keeps for a reset note goes to it. */
    td.to { min-width: 0; }
    td.drill bdi { overflow-wrap: break-word; }
  }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; }
    h2 { break-after: avoid; }
    /* A sentence that leads into a list, a table or a chart ("this is the rehab routine.")
       starts the page that these start on, rather than end the page before it. */
    p:has(+ ol, + ul, + div.table, + figure) { break-after: avoid; }
    /* Firefox prints without those two rules: a heading, or such a sentence, could end a page
       whose next one starts with what it leads into. Each keeps room below itself for the start
       of what follows, and starts the next page when that room is not left: an empty block that
       takes no place on the page, and is not parted from it. The room is for a few lines; a
       table's head and first row; a chart's whole height, and the sentence before it. */
    h2, p:has(+ ol, + ul, + div.table, + figure) { break-inside: avoid; }
    h2::after, p:has(+ ol, + ul)::after { content: ""; display: block; height: 5rem; margin-bottom: -5rem; }
    h2:has(+ div.table)::after, p:has(+ div.table)::after { content: ""; display: block; height: 9rem; margin-bottom: -9rem; }
    h2:has(+ figure)::after, p:has(+ figure)::after { content: ""; display: block; height: 26rem; margin-bottom: -26rem; }
    h2:has(+ p + figure)::after { content: ""; display: block; height: 32rem; margin-bottom: -32rem; }
    tr, figure, li { break-inside: avoid; }
    tbody.session { break-inside: avoid; }
    thead { display: table-header-group; }
    .note { border-left-color: #000; }
    /* The session table's nine columns fit the width of a Letter or A4 page. */
    th, td { padding: .2rem .3rem; }
    td.num { white-space: normal; }
    table.sessions td.what { min-width: 0; }
    td.started { white-space: normal; }
  }
`;
