// A question asked again whenever its input changes (the finder's «nearest
// free times», «who is free then»): debounced while the operator types, and
// only the answer to the latest question kept, however the replies arrive.

export class LatestAnswer<Q, R> {
  answer = $state<R | null>(null);
  /** Asking, or waiting for the typing to pause. */
  busy = $state(false);
  failure = $state<string | null>(null);

  #timer: ReturnType<typeof setTimeout> | undefined;
  #request = 0;

  constructor(
    private readonly ask: (query: Q) => Promise<R>,
    private readonly describe: (error: unknown) => string,
    private readonly delayMs: number,
    /** Called with each answer kept (e.g. to reset a list's cursor). */
    private readonly onanswer: (answer: R) => void = () => {},
  ) {}

  /** Asks `query` after the pause; `null` clears the answer (nothing to ask yet). */
  schedule(query: Q | null): void {
    clearTimeout(this.#timer);
    this.#request++;
    if (query === null) {
      this.answer = null;
      this.busy = false;
      this.failure = null;
      return;
    }
    this.busy = true;
    this.#timer = setTimeout(() => void this.#run(query), this.delayMs);
  }

  /** Forgets any question in flight (the window closes). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#request++;
  }

  async #run(query: Q): Promise<void> {
    const mine = ++this.#request;
    try {
      const found = await this.ask(query);
      if (mine !== this.#request) return;
      this.answer = found;
      this.failure = null;
      this.onanswer(found);
    } catch (e) {
      if (mine !== this.#request) return;
      this.answer = null;
      this.failure = this.describe(e);
    } finally {
      if (mine === this.#request) this.busy = false;
    }
  }
}
