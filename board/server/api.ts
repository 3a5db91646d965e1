/** The JSON endpoints: `/api/runs`, `/api/scalars?run=&tag=`, `/api/graph?run=`. */
import type { GraphResponse, RunsResponse, ScalarsResponse } from "../shared/apiTypes";
import { describeNode } from "../shared/nodeInfo";
import type { LogdirWatcher } from "./logdirWatcher";

export interface ApiResult {
  status: number;
  body: RunsResponse | ScalarsResponse | GraphResponse | { error: string };
}

/** Answers one API request; bad parameters give 400, unknown runs, tags and paths 404. */
export function handleApi(url: URL, watcher: LogdirWatcher): ApiResult {
  try {
    return route(url, watcher);
  } catch (e) {
    if (e instanceof BadRequest) return { status: 400, body: { error: e.message } };
    throw e;
  }
}

function route(url: URL, watcher: LogdirWatcher): ApiResult {
  const params = url.searchParams;
  switch (url.pathname) {
    case "/api/runs":
      watcher.refresh();
      return { status: 200, body: watcher.summary() };
    case "/api/scalars": {
      const run = watcher.run(required(params, "run"));
      const tag = required(params, "tag");
      if (!run) return notFound(`no run named '${params.get("run")}'`);
      const points = run.scalars.get(tag);
      if (!points) return notFound(`run '${run.name}' has no scalar tag '${tag}'`);
      return { status: 200, body: { run: run.name, tag, points: points.map((p) => [p.wallTime, p.step, p.value]) } };
    }
    case "/api/graph": {
      const run = watcher.run(required(params, "run"));
      if (!run) return notFound(`no run named '${params.get("run")}'`);
      const graph = watcher.graph(run);
      if (!graph) return notFound(`run '${run.name}' has no graph`);
      return { status: 200, body: { run: run.name, nodes: graph.nodes.map(describeNode) } };
    }
    default:
      return notFound(`unknown endpoint ${url.pathname}`);
  }
}

class BadRequest extends Error {}

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null) throw new BadRequest(`missing query parameter '${name}'`);
  return value;
}

function notFound(error: string): ApiResult {
  return { status: 404, body: { error } };
}
