/** Drag to pan and wheel to zoom an SVG's content group; `fit` and `focus` frame a region. */
import type { Box } from "./graphLayout";

export class PanZoom {
  private k = 1;
  private tx = 0;
  private ty = 0;
  private content: SVGGElement | null = null;
  private dragged = false;

  constructor(private readonly svgEl: SVGSVGElement) {
    svgEl.addEventListener("wheel", (e) => {
      e.preventDefault();
      const r = svgEl.getBoundingClientRect();
      this.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    svgEl.addEventListener("pointerdown", (e) => this.startDrag(e));
    // A drag ends with a click on whatever is under the pointer; that click must not toggle a scope.
    svgEl.addEventListener("click", (e) => {
      if (this.dragged) e.stopPropagation();
    }, true);
  }

  setContent(g: SVGGElement): void {
    this.content = g;
    this.apply();
  }

  get scale(): number {
    return this.k;
  }

  /** Shows the whole `width`×`height` drawing, no larger than `maxScale`. */
  fit(width: number, height: number, maxScale = 1.25): void {
    this.focus({ x: width / 2, y: height / 2, width, height }, maxScale);
  }

  /** Centres `box` and zooms so it fits (never beyond `maxScale`). */
  focus(box: Box, maxScale = 1.25): void {
    const { width, height } = this.viewport();
    this.k = Math.min(maxScale, (width - 24) / Math.max(1, box.width), (height - 24) / Math.max(1, box.height));
    this.tx = width / 2 - box.x * this.k;
    this.ty = height / 2 - box.y * this.k;
    this.apply();
  }

  /** Centres a point, keeping the zoom. */
  centerOn(x: number, y: number): void {
    const { width, height } = this.viewport();
    this.tx = width / 2 - x * this.k;
    this.ty = height / 2 - y * this.k;
    this.apply();
  }

  zoomAt(factor: number, cx?: number, cy?: number): void {
    const { width, height } = this.viewport();
    const [x, y] = [cx ?? width / 2, cy ?? height / 2];
    const k = Math.min(4, Math.max(0.05, this.k * factor));
    this.tx = x - ((x - this.tx) * k) / this.k;
    this.ty = y - ((y - this.ty) * k) / this.k;
    this.k = k;
    this.apply();
  }

  private viewport(): { width: number; height: number } {
    return { width: this.svgEl.clientWidth || 800, height: this.svgEl.clientHeight || 600 };
  }

  private apply(): void {
    this.content?.setAttribute("transform", `translate(${this.tx},${this.ty}) scale(${this.k})`);
  }

  private startDrag(e: PointerEvent): void {
    if (e.button !== 0) return;
    const start = { x: e.clientX, y: e.clientY, tx: this.tx, ty: this.ty };
    this.dragged = false;
    const move = (m: PointerEvent) => {
      const [dx, dy] = [m.clientX - start.x, m.clientY - start.y];
      if (!this.dragged && Math.hypot(dx, dy) < 4) return;
      this.dragged = true;
      this.svgEl.classList.add("dragging");
      this.tx = start.tx + dx;
      this.ty = start.ty + dy;
      this.apply();
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      this.svgEl.classList.remove("dragging");
      // Let the click that follows this pointerup see `dragged`, then reset it.
      setTimeout(() => (this.dragged = false), 0);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  }
}
