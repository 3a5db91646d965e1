/** Fetches the server's JSON endpoints (same origin only; the page's CSP allows nothing else). */
import type { GraphResponse, RunsResponse, ScalarsResponse } from "../shared/apiTypes";

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { cache: "no-store" });
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error ?? `${path}: HTTP ${res.status}`);
  return body as T;
}

export const fetchRuns = () => getJson<RunsResponse>("/api/runs");

export const fetchScalars = (run: string, tag: string) =>
  getJson<ScalarsResponse>(`/api/scalars?run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}`);

export const fetchGraph = (run: string) => getJson<GraphResponse>(`/api/graph?run=${encodeURIComponent(run)}`);
