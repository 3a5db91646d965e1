/**
 * A class roster: a CSV with the columns `name` (the name or login an LMS export uses for the
 * student: folder, zip or loose-file name), `student_id` and, optionally, `display_name`. A
 * submission whose name (or the login at the front of a Canvas-style name) is on the roster is
 * graded under the roster's id, so every output is keyed by the id the instructor knows.
 */
import { parse } from "csv-parse/sync";
import * as fs from "fs";
import { parseCanvasName, parseLooseName, studentId } from "../engine/submission";

export interface RosterEntry {
  studentId: string;
  displayName?: string;
}

export type Roster = Map<string, RosterEntry>;

const COLUMNS = ["name", "student_id", "display_name"];

/** Names compare without case or Unicode-form differences: LMSs disagree on both. */
const rosterKey = (name: string) => name.normalize("NFC").trim().toLowerCase();

export function loadRoster(file: string): Roster {
  let rows: Record<string, string>[];
  try {
    rows = parse(fs.readFileSync(file, "utf8"), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    throw new Error(`--roster ${file}: ${(e as Error).message}`);
  }
  const header = rows.length ? Object.keys(rows[0]) : [];
  const unknown = header.filter((h) => !COLUMNS.includes(h));
  if (unknown.length || !header.includes("name") || !header.includes("student_id"))
    throw new Error(
      `--roster ${file}: the columns must be name, student_id and optionally display_name (got ${header.join(", ") || "no rows"})`,
    );
  const roster: Roster = new Map();
  const ids = new Map<string, string>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const name = rosterKey(row.name ?? "");
    const id = studentId(row.student_id ?? "");
    if (!name || !row.student_id)
      throw new Error(`--roster ${file}: line ${line} has an empty name or student_id`);
    if (roster.has(name)) throw new Error(`--roster ${file}: line ${line} repeats the name "${row.name}"`);
    const other = ids.get(id.toLowerCase());
    if (other !== undefined && other !== row.student_id)
      throw new Error(
        `--roster ${file}: line ${line}: student_id "${row.student_id}" and "${other}" make the same id "${id}"`,
      );
    ids.set(id.toLowerCase(), row.student_id);
    roster.set(name, { studentId: id, ...(row.display_name ? { displayName: row.display_name } : {}) });
  });
  return roster;
}

/** The roster entry for a submission's original name: the whole name, else an LMS login at its front. */
export function lookUp(roster: Roster, originalName: string): RosterEntry | undefined {
  const whole = roster.get(rosterKey(originalName));
  if (whole) return whole;
  // A Canvas name (a zip's, or the prefix loose files keep) by its login; a Moodle one by its full name.
  const login = parseCanvasName(originalName)?.login ?? parseLooseName(originalName)?.student;
  return login === undefined ? undefined : roster.get(rosterKey(login));
}
