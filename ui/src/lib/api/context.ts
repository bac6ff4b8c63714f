import { getContext, setContext } from "svelte";
import type { Backend } from "./client";

/** Context key; tests pass `new Map([[BACKEND_KEY, fake]])` as `context`. */
export const BACKEND_KEY: unique symbol = Symbol("remzona.backend");

export function provideBackend(backend: Backend): Backend {
  return setContext(BACKEND_KEY, backend);
}

export function useBackend(): Backend {
  const backend = getContext<Backend | undefined>(BACKEND_KEY);
  if (!backend) throw new Error("Backend is not provided: call provideBackend() in a parent component");
  return backend;
}
