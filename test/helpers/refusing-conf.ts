// conf, with each write of the store first asked whether to fail: the tests of a save that a
// disk, another program or another itb refuses mock conf with it (vi.mock's factory is per file).
import type Conf from 'conf';

/** conf's class, whose store setter throws what `refusal` returns for the file it would write, if anything. */
export function refusingConf(original: { default: typeof Conf }, refusal: (path: string) => Error | undefined): { default: typeof Conf } {
  class RefusingConf<T extends Record<string, unknown>> extends original.default<T> {
    override get store(): T {
      return super.store;
    }
    override set store(value: T) {
      const error = refusal(this.path);
      if (error !== undefined) throw error;
      super.store = value;
    }
  }
  return { default: RefusingConf };
}

/** An error as Node's file calls make them, with its code. */
export const fileError = (code: string, message: string): Error => Object.assign(new Error(`${code}: ${message}`), { code });
