/** A class roster maps LMS names and logins to the instructor's ids and display names. */
import AdmZip from "adm-zip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadRoster, lookUp } from "../../grader/batch/roster";
import { scanSubmissions, studentId } from "../../grader/engine/submission";
import { loadManifest } from "../../grader/manifest";
import { SOLUTION, SUITES } from "./support/corpus";

const manifest = loadManifest(SUITES);
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-test-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (text: string) => {
  const file = path.join(dir, "roster.csv");
  fs.writeFileSync(file, text);
  return file;
};

describe("loading a roster", () => {
  it("reads names, ids and display names, quoted or with a BOM", () => {
    const roster = loadRoster(
      write('\uFEFFname,student_id,display_name\nleezoe,s-1001,"Lee, Zoe"\nJosé García,s-1002,\n'),
    );
    expect(lookUp(roster, "LeeZoe")).toEqual({ studentId: "s-1001", displayName: "Lee, Zoe" });
    expect(lookUp(roster, "José García")).toEqual({ studentId: "s-1002" });
    // A Canvas zip is named after the login, then the LMS's numbers.
    expect(lookUp(roster, "leezoe_1234567_8901234_hw9")?.studentId).toBe("s-1001");
    // Loose Canvas files keep their download prefix, with no file part, as the original name.
    expect(lookUp(roster, "leezoe_1234567_8901234")?.studentId).toBe("s-1001");
    expect(lookUp(roster, "leezoe_LATE_1234567_8901234")?.studentId).toBe("s-1001");
    expect(lookUp(roster, "nobody")).toBeUndefined();
  });

  it("refuses unknown columns, repeated names and ids that collide, naming the line", () => {
    expect(() => loadRoster(write("name,id\na,1\n"))).toThrow(
      /the columns must be name, student_id and optionally display_name \(got name, id\)/,
    );
    expect(() => loadRoster(write("name,student_id\na,1\nA,2\n"))).toThrow(/line 3 repeats the name "A"/);
    expect(() => loadRoster(write("name,student_id\na,x y\nb,x_y\n"))).toThrow(
      /line 3: student_id "x_y" and "x y" make the same id "x_y"/,
    );
    expect(() => loadRoster(write("name,student_id\na,\n"))).toThrow(
      /line 2 has an empty name or student_id/,
    );
  });
});

describe("ids", () => {
  it("keep the letters of every script", () => {
    expect(studentId("José García")).toBe("José_García");
    expect(studentId("李雷")).toBe("李雷");
  });

  it("come from the roster for the submissions it lists, and the rest are named", () => {
    fs.mkdirSync(path.join(dir, "subs"));
    const subs = path.join(dir, "subs");
    fs.cpSync(SOLUTION, path.join(subs, "李雷"), { recursive: true });
    const zip = new AdmZip();
    zip.addLocalFile(path.join(SOLUTION, "ex01.ts"));
    zip.writeZip(path.join(subs, "leezoe_1234567_8901234_hw9.zip"));
    fs.copyFileSync(
      path.join(SOLUTION, "ex01.ts"),
      path.join(subs, "Maria Garcia_55_assignsubmission_file_ex01.ts"),
    );
    const roster = loadRoster(
      write("name,student_id,display_name\nleezoe,s-1001,Zoe Lee\nmaria garcia,s-1003,María García\n"),
    );
    const { sources, offRoster } = scanSubmissions(subs, manifest, (n) => lookUp(roster, n));
    expect(sources.map((s) => [s.id, s.originalName, s.displayName])).toEqual([
      ["s-1003", "Maria Garcia", "María García"],
      ["s-1001", "leezoe_1234567_8901234_hw9", "Zoe Lee"],
      ["李雷", "李雷", undefined],
    ]);
    expect(offRoster).toEqual(["李雷"]);
  });
});
