/** Chart settings: TensorBoard's smoothing slider and the x axis (step, relative or wall time). */
import { el } from "./dom";
import type { XAxis } from "./scalarChart";

export class SettingsPanel {
  readonly root: HTMLElement;
  smoothing = 0.6;
  xAxis: XAxis = "step";

  constructor(onChange: () => void) {
    const value = el("output", { class: "num" }, this.smoothing.toFixed(2));
    const slider = el("input", { type: "range", min: 0, max: 0.99, step: 0.01, value: this.smoothing, id: "smoothing", "aria-label": "smoothing" });
    slider.addEventListener("input", () => {
      this.smoothing = Number(slider.value);
      value.textContent = this.smoothing.toFixed(2);
      onChange();
    });
    const axes: [XAxis, string][] = [["step", "Step"], ["relative", "Relative"], ["wall", "Wall"]];
    const radios = axes.map(([axis, label]) => {
      const input = el("input", { type: "radio", name: "x-axis", value: axis, checked: axis === this.xAxis });
      input.addEventListener("change", () => {
        this.xAxis = axis;
        onChange();
      });
      return el("label", { class: "radio" }, input, label);
    });
    this.root = el(
      "section",
      { class: "panel" },
      el("h2", {}, "Smoothing"),
      el("div", { class: "slider-row" }, slider, value),
      el("h2", {}, "Horizontal axis"),
      el("div", { class: "radio-row" }, ...radios),
    );
  }
}
