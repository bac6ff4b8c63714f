import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LatestAnswer } from "./search.svelte";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("LatestAnswer", () => {
  it("waits for the typing to pause and asks once", async () => {
    const ask = vi.fn(async (q: string) => q.toUpperCase());
    const latest = new LatestAnswer(ask, String, 250);
    latest.schedule("a");
    latest.schedule("ab");
    expect(latest.busy).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(latest.answer).toBe("AB");
    expect(latest.busy).toBe(false);
  });

  it("keeps only the latest answer when an older reply comes late", async () => {
    let release: (value: string) => void = () => {};
    const ask = vi.fn((q: string) => (q === "slow" ? new Promise<string>((r) => (release = r)) : Promise.resolve(q)));
    const latest = new LatestAnswer(ask, String, 10);
    latest.schedule("slow");
    await vi.advanceTimersByTimeAsync(20);
    latest.schedule("fast");
    await vi.advanceTimersByTimeAsync(20);
    release("slow");
    await vi.advanceTimersByTimeAsync(0);
    expect(latest.answer).toBe("fast");
  });

  it("says why a question failed, and clears for nothing to ask", async () => {
    const latest = new LatestAnswer(async () => Promise.reject(new Error("offline")), (e) => (e as Error).message, 10);
    latest.schedule("q");
    await vi.advanceTimersByTimeAsync(20);
    expect(latest.failure).toBe("offline");
    latest.schedule(null);
    expect([latest.answer, latest.failure, latest.busy]).toEqual([null, null, false]);
  });
});
