// Hip Compensation Lab: the deadlift, floor to lockout, drawn in the browser.
//
// Not a module by itself: biomech.web.lift.lift_renderer_files appends this file to lab.js,
// so the two are one ES module and the lift draws with lab.js's own side and top views
// (SideView, TopView, Panel, keyList...). It draws what biomech.web.lift.lift_payload sends:
// per phase of the grid and per cue, the posed lifter (computed in Python), the plate around
// the bar, and the curves of rotation and pelvic tilt against phase with a cursor. The phase
// slider lives here: moving it repaints from the precomputed states, with no round trip to a
// kernel. The root element carries data-frames (frames painted so far) and data-state (the
// phase shown, two decimals); an aria-live line reads the phase's numbers (angles, rotation, stance, tilt).
// The top views draw the stance the lockout would need, set before the pull (the same at every phase);
// the rotation curve is what the hip would need at each phase with free feet (payload.rotation names it).

const LIFT_SERIES = { rotation_used: ["rotation", "var(--hl-rotation)"], pelvic_tilt: ["pelvic tilt", "var(--hl-pelvis)"] };
const LIFT_DASH = { stand_tall: "8 5", squeeze_glutes: "" }; // as biomech.views.lift_curves: dashed stand tall
const LIFT_KEY = [
  [swLine("var(--hl-muted)", 2), "plate (45 cm) around the bar"],
  [swLine("var(--hl-muted)", 1.5, "3 3"), "standing pelvis and spine"],
  [swLine("var(--hl-restricting)", 5), "tight tissue (front of hip)"],
  [swLine("var(--hl-rotation)", 2), "hip rotators in use"],
  [swLine("var(--hl-cue)", 5), "gluteus maximus (dashed: not cued)"],
  [swLine("var(--hl-lumbar)", 6), "lumbar spine"],
];

// The side view of the lift: the whole lifter, in limits fixed for the whole pull (payload.region), and the plate.
class LiftSideView extends SideView {
  constructor(panel, data) {
    super(panel, data, false, data.region.map(([a, b]) => [a / data.scale, b / data.scale]));
    this.plate = node("circle", { class: "hl-plate", r: data.plate }, null);
    panel.svg.insertBefore(this.plate, panel.svg.querySelector(".hl-bone")); // behind the lifter, as zorder 0.5
  }
  place() { // fixed limits: both cues at the same scale, the floor where it is
    const [[x0, x1], [y0, y1]] = this.data.region;
    this.p.setView(x0, x1, y0, y1);
  }
  paint(pose) {
    super.paint(pose);
    this.plate.setAttribute("cx", pose.side.bar[0]); this.plate.setAttribute("cy", -pose.side.bar[1]);
  }
}

// Rotation used and pelvic tilt added against lift phase, both cues, and a cursor at the phase (axes in CSS px).
class LiftCurves {
  constructor(panel, data) {
    this.p = panel; this.data = data;
    this.static = node("g", {}, panel.svg);
    this.now = node("path", { class: "hl-now hl-open" }, panel.svg);
    this.markers = node("path", { class: "hl-dot hl-marker-out" }, panel.svg);
    this.markersIn = node("path", { class: "hl-dot hl-marker-in" }, panel.svg);
  }
  layout() {
    const box = this.p.box.getBoundingClientRect();
    if (!box.width) return;
    const W = Math.max(box.width, 200), H = Math.max(box.height, 120), d = this.data, c = d.curves;
    this.p.svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    this.p.vb = [0, 0, W, H]; this.p.u = 1; this.p.svg.style.setProperty("--u", "1");
    const shown = [];
    for (const [cue] of d.cues) for (const name of Object.keys(LIFT_SERIES)) for (const v of c[cue][name]) if (v !== null) shown.push(v);
    const low = Math.min(0, ...shown) - 2, high = Math.max(5, ...shown) + 2; // as the matplotlib view's limits
    const fs = parseFloat(getComputedStyle(this.p.svg).fontSize) || 16;
    const L = 3.2 * fs, R = 10, T = 6, B = 2.6 * fs;
    this.X = (x) => L + x * (W - L - R);
    this.Y = (y) => T + ((high - y) / (high - low)) * (H - T - B);
    const g = this.static; g.replaceChildren();
    const step = high - low > 40 ? 20 : high - low > 16 ? 10 : 5;
    for (let v = Math.ceil(low / step) * step; v <= high; v += step) {
      node("path", { class: "hl-grid hl-open", d: `M${L} ${this.Y(v)}H${W - R}` }, g);
      node("text", { class: "hl-tick", x: L - 6, y: this.Y(v) + 0.35 * fs, "text-anchor": "end", text: String(v).replace("-", "\u2212") }, g);
    }
    node("path", { class: "hl-zero hl-open", d: `M${L} ${this.Y(0)}H${W - R}` }, g);
    for (const v of [0, 0.25, 0.5, 0.75, 1]) node("text", { class: "hl-tick", x: this.X(v), y: H - B + 1.2 * fs, "text-anchor": "middle", text: String(v) }, g);
    node("text", { class: "hl-axis", x: (L + W - R) / 2, y: H - 0.3 * fs, "text-anchor": "middle", text: "lift phase (0 = bar on the floor, 1 = lockout)" }, g);
    node("text", { class: "hl-axis", transform: `translate(${0.9 * fs} ${(T + H - B) / 2}) rotate(-90)`, "text-anchor": "middle", text: "degrees (\u00b0)" }, g);
    for (const [cue] of d.cues) {
      for (const [name, [, color]] of Object.entries(LIFT_SERIES)) {
        let path = "", pen = false;
        c[cue][name].forEach((v, i) => {
          if (v === null) { pen = false; return; }
          path += (pen ? "L" : "M") + this.X(c.x[i]).toFixed(1) + " " + this.Y(v).toFixed(1); pen = true;
        });
        node("path", { class: `hl-series hl-open hl-lift-${name} hl-lift-${cue}`, d: path, stroke: color, "stroke-dasharray": LIFT_DASH[cue] }, g);
      }
    }
    this.T = T; this.B = B; this.H = H;
    if (this.state) this.paint(this.state);
  }
  paint(state) {
    this.state = state;
    if (!this.X) return;
    const x = this.X(state.phase);
    this.now.setAttribute("d", `M${x} ${this.T}V${this.H - this.B}`);
    const d = state.at.flat().filter((v) => v !== null).map((v) => `M${x} ${this.Y(v)}h0`).join("");
    this.markers.setAttribute("d", d); this.markersIn.setAttribute("d", d);
  }
}

/**
 * Draw the lift in `root` from a payload (biomech.web.lift.lift_payload).
 *
 * options.theme: "light" or "dark"; options.onState(phase): called after each painted state.
 * Returns {setPayload(payload, phase), setState(phase), setTheme(name), root, slider}.
 */
export function mountLift(root, payload, options = {}) {
  root.classList.add("hiplab-web", "hl-lift");
  root.dataset.frames = "0";
  root.dataset.theme = options.theme || "light";
  root.replaceChildren();
  let data = payload, index = 0;
  const controls = html("div", { class: "hl-controls" }, root);
  const sliderBox = html("div", { class: "hl-field hl-sliderbox" }, controls);
  const uid = "hl-lift-" + Math.random().toString(36).slice(2) + "-slider";
  const label = html("label", { for: uid }, sliderBox);
  html("span", { text: "Lift phase (0 = bar on the floor, 1 = lockout) " }, label);
  const out = html("output", { class: "hl-value" }, label);
  const slider = html("input", { type: "range", id: uid, class: "hl-slider" }, sliderBox);
  const hint = html("p", { class: "hl-hint" }, sliderBox);
  const main = html("div", { class: "hl-main" }, root);
  const readout = html("div", { class: "hl-readout" }, main);
  const said = html("div", { class: "hl-sr", "aria-live": "polite", role: "status" }, main);
  const panels = html("div", { class: "hl-panels" }, main);
  let sides = [], tops = [], curves = null, sidePanels = [], topPanels = [], curvePanel = null;

  function build() {
    panels.replaceChildren();
    sidePanels = data.cues.map(([cue, title]) => new Panel(panels, title, "hl-lift-side hl-lift-" + cue));
    const right = html("div", { class: "hl-lift-right" }, panels);
    const topRow = html("div", { class: "hl-lift-tops" }, right);
    // the cues by the side panels' names (payload.cues), in the top panels' titles and the curves' key
    topPanels = data.cues.map(([, name]) => new Panel(topRow, "From above: " + name, "hl-top hl-lift-top"));
    curvePanel = new Panel(right, "Compensation along the lift", "hl-lift-curves");
    const words = { rotation_used: data.rotation, pelvic_tilt: data.pelvis }; // the keys' names: the payload's
    const series = Object.entries(LIFT_SERIES).map(([name, [, color]]) => [swLine(color, 3), words[name]]);
    const cues = data.cues.map(([cue, name]) => [swLine("var(--hl-fg)", 3, LIFT_DASH[cue]), name]);
    keyList(curvePanel.figure, LIFT_KEY.concat(series, cues));
    sides = sidePanels.map((p) => new LiftSideView(p, data));
    tops = topPanels.map((p) => new TopView(p, data));
    curves = new LiftCurves(curvePanel, data);
    const [lo, hi, step] = data.slider;
    slider.min = lo; slider.max = hi; slider.step = step;
    hint.textContent = `Arrow keys move it by ${step}.`;
    curves.layout();
  }

  function paint() {
    const state = data.states[index];
    data.cues.forEach(([cue], k) => {
      const pose = data.poses[state.poses[k]];
      sides[k].setSetting({ neutral: pose.neutral, cue });
      sides[k].paint(pose);
      tops[k].paint(pose);
    });
    curves.paint(state);
    readout.replaceChildren();
    html("b", { text: state.posture }, readout);
    if (data.note) html("p", { class: "hl-lift-note", text: data.note }, readout); // a tissue crossing the knee
    data.cues.forEach(([, title], k) => {
      const p = html("p", { class: "hl-lift-cue" }, readout);
      html("b", { text: title + ": " }, p);
      p.append(state.readout[k][0] + " ");
      html("span", { class: "hl-muted", text: state.readout[k][1] }, p);
    });
    out.textContent = state.label;
    slider.setAttribute("aria-valuetext", "phase " + state.label);
    // only the numbers that change with the phase (not both cues' long paragraphs) on each key press
    said.textContent = `${state.posture}. ` + data.cues.map(([, title], k) => `${title}: ${state.readout[k][1]}.`).join(" ");
    root.dataset.state = state.label;
    root.dataset.frames = String(Number(root.dataset.frames) + 1);
    if (options.onState) options.onState(state.phase);
  }

  function setState(phase) {
    const [lo, , step] = data.slider;
    index = Math.max(0, Math.min(data.states.length - 1, Math.round((phase - lo) / step)));
    slider.value = String(data.states[index].phase);
    paint();
  }

  slider.addEventListener("input", () => setState(Number(slider.value)));
  new ResizeObserver(() => {
    for (const p of sidePanels.concat(topPanels)) p.measure();
    for (const t of tops) t.layout();
    if (curves) curves.layout();
    if (sides.length) paint();
  }).observe(panels);

  build();
  setState(data.slider[3]);
  return {
    root, slider, setState,
    setPayload(p, phase) { data = p; build(); setState(phase ?? data.slider[3]); },
    setTheme(name) { root.dataset.theme = name; curves.layout(); },
    get state() { return data.states[index]; },
  };
}

/** anywidget (renderer "lift"): the kernel sends `payload` (every phase, both cues); the phase slider moves here. */
function renderLift({ model, el }) {
  const root = document.createElement("div");
  el.appendChild(root);
  let timer = null;
  const lift = mountLift(root, model.get("payload"), {
    theme: model.get("theme"),
    onState(phase) { // tell the kernel where the slider rests (for a saved frame); never per frame
      if (phase === model.get("value")) return;
      clearTimeout(timer);
      timer = setTimeout(() => { model.set("value", phase); model.save_changes(); }, 250);
    },
  });
  lift.setState(model.get("value"));
  model.on("change:payload", () => lift.setPayload(model.get("payload"), Number(lift.slider.value)));
  model.on("change:value", () => { if (Number(lift.slider.value) !== model.get("value")) lift.setState(model.get("value")); });
  model.on("change:theme", () => lift.setTheme(model.get("theme")));
  return () => clearTimeout(timer);
}

RENDERERS.lift = renderLift;
