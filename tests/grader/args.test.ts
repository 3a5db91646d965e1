import { parseCommandLine } from "../../grader/cli/args";

const USAGE = "usage: demo [--out <dir>]";
const config = (args: string[]) => ({
  args,
  options: { out: { type: "string" as const }, help: { type: "boolean" as const, short: "h" } },
  strict: true,
});

describe("parseCommandLine", () => {
  let err: jest.SpyInstance;
  let log: jest.SpyInstance;
  beforeEach(() => {
    err = jest.spyOn(console, "error").mockImplementation(() => {});
    log = jest.spyOn(console, "log").mockImplementation(() => {});
  });
  afterEach(() => jest.restoreAllMocks());

  it("returns the parsed values of a good command line", () => {
    const parsed = parseCommandLine(config(["--out", "dir"]), USAGE);
    expect(typeof parsed === "number" ? parsed : parsed.values.out).toBe("dir");
    expect(err).not.toHaveBeenCalled();
  });

  it("exits 2 with Node's message and the usage on a bad option", () => {
    expect(parseCommandLine(config(["--bogus"]), USAGE)).toBe(2);
    expect(err.mock.calls[0][0]).toMatch(/Unknown option '--bogus'[\s\S]*usage: demo/);
  });

  it("exits 0 with the usage on --help or -h", () => {
    expect(parseCommandLine(config(["--help"]), USAGE)).toBe(0);
    expect(parseCommandLine(config(["-h"]), USAGE)).toBe(0);
    expect(log.mock.calls).toEqual([[USAGE], [USAGE]]);
  });
});
