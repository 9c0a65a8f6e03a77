import { afterEach, describe, expect, it, vi } from "vitest";
import { untilNextPoll } from "@/lib/jobs/until-next-poll";

describe("untilNextPoll", () => {
  afterEach(() => vi.useRealTimers());

  it("leaves no abort listener behind when the poll interval passes", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, "addEventListener");
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    for (let poll = 0; poll < 20; poll++) {
      const waited = untilNextPoll(1_000, controller.signal);
      await vi.advanceTimersByTimeAsync(1_000);
      await waited;
    }
    expect(add).toHaveBeenCalledTimes(20);
    expect(remove).toHaveBeenCalledTimes(20);
  });

  it("returns at once when the worker stops mid-wait, or had stopped already", async () => {
    const controller = new AbortController();
    const waited = untilNextPoll(60_000, controller.signal);
    controller.abort();
    await expect(waited).resolves.toBeUndefined();
    await expect(untilNextPoll(60_000, controller.signal)).resolves.toBeUndefined();
  });
});
