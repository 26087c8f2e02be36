// The few FHIR R4 shapes the export writes. The installed @types/fhir (3.0.x) describes STU3,
// whose Observation has no valueInteger, so these follow the R4 specification instead
// (hl7.org/fhir/R4: Bundle, Observation, Patient); the test suite checks the output against
// the R4 JSON Schema.

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface ObservationComponent {
  code: CodeableConcept;
  valueString?: string;
  valueInteger?: number;
}

export interface Observation {
  resourceType: 'Observation';
  status: 'registered' | 'preliminary' | 'final' | 'amended';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject?: Reference;
  effectiveDateTime?: string;
  valueInteger?: number;
  bodySite?: CodeableConcept;
  method?: CodeableConcept;
  component?: ObservationComponent[];
}

export interface Patient {
  resourceType: 'Patient';
  name?: { text?: string }[];
}

export interface BundleEntry {
  fullUrl?: string;
  resource?: Observation | Patient;
}

export interface Bundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp?: string;
  entry?: BundleEntry[];
}
