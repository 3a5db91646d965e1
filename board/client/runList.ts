/** The runs panel: one checkbox per run, in the run's chart colour. New runs start checked. */
import type { RunInfo } from "../shared/apiTypes";
import { el, replaceChildren, swatch } from "./dom";

export class RunList {
  readonly root: HTMLElement;
  readonly selected = new Set<string>();
  private readonly list: HTMLElement;
  private readonly known = new Set<string>();
  private names: string[] = [];
  private colors = new Map<string, string>();

  constructor(private readonly onChange: () => void) {
    this.list = el("div", { class: "run-list" });
    const all = el("button", { class: "link small", type: "button", title: "check or uncheck every run" }, "all / none");
    all.addEventListener("click", () => {
      const check = this.selected.size < this.names.length;
      this.names.forEach((n) => (check ? this.selected.add(n) : this.selected.delete(n)));
      this.render();
      this.onChange();
    });
    this.root = el("section", { class: "panel" }, el("div", { class: "panel-head" }, el("h2", {}, "Runs"), all), this.list);
  }

  update(runs: RunInfo[], colors: Map<string, string>): void {
    this.names = runs.map((r) => r.name);
    for (const name of this.names) {
      if (!this.known.has(name)) this.selected.add(name);
      this.known.add(name);
    }
    for (const name of [...this.selected]) if (!this.names.includes(name)) this.selected.delete(name);
    this.colors = colors;
    this.render();
  }

  private render(): void {
    if (this.names.length === 0) {
      replaceChildren(this.list, el("p", { class: "hint" }, "No runs found yet."));
      return;
    }
    replaceChildren(
      this.list,
      ...this.names.map((name) => {
        const box = el("input", { type: "checkbox", checked: this.selected.has(name), "data-run": name });
        box.addEventListener("change", () => {
          if (box.checked) this.selected.add(name);
          else this.selected.delete(name);
          this.onChange();
        });
        return el("label", { class: "run", title: name }, box, swatch(this.colors.get(name) ?? "#999"), el("span", { class: "run-name" }, name));
      }),
    );
  }
}
