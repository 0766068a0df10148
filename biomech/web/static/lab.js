// Hip Compensation Lab: the renderer (a plain ES module, no build step, no network).
//
// It draws, in SVG, what biomech.web.payload sends: bone outlines once (as posed in a
// reference scene), and per state the rigid motion of each bone, the points of the
// lifter, the muscle lines, the labels and the numbers, all computed in Python. The
// restriction slider lives here: moving it repaints from the precomputed states, with
// no round trip to a kernel. Text is SVG or HTML text (sharp at every size); lines keep
// their width in CSS px (vector-effect: non-scaling-stroke).
//
// The root element carries data-frames (frames painted so far), data-state (the
// available extension shown, as Python formatted it) and data-setting. Styles follow the views of
// biomech/views (sagittal.py, transverse.py, curves.py): same order, widths and dashes.

const SVG = "http://www.w3.org/2000/svg";
// x relative to the hip joint (the view follows the hips through), y from the floor, in H:
// thighs, pelvis, lumbar spine and head (the side view's close-up); a taller box shows more.
const SIDE_REGION = [[-0.25, 0.31], [0.3, 1.0]];
// the whole lifter, small, beside the close-up (biomech.views.sagittal's "lifter" region): feet, bar and balance
const LIFTER_REGION = [[-0.24, 0.18], [-0.02, 1.02]];
const TOP_REGION = [[-0.25, 0.25], [-0.075, 0.165]];
const MUSCLE_WIDTH = { restricting: 5, "cue target": 5, compensating: 2 };
const MANY_PARTS = 3, THIN = 2.5;
// the drawing's height: the window's height below what is above it, less FIT_MARGIN px; "above" counts from the
// page's top when the drawing starts in the first FIRST_SCREEN of the window (Voila), else from the lab's top
const FIT_MARGIN = 8, FIRST_SCREEN = 0.6;
const SERIES = {
  rotation_used: ["hip rotation used (external +)", "var(--hl-rotation)", ""],
  rotation_needed: ["rotation needed to compensate alone", "var(--hl-rotation-needed)", "2 3"],
  pelvic_tilt: ["anterior pelvic tilt on the trunk", "var(--hl-pelvis)", ""],
  lumbar_extension: ["lumbar extension added (= tilt)", "var(--hl-lumbar)", "9 6"],
};
// the curves shaded with their range over the assumption variants (biomech.views.curves.BAND_FIELDS)
const VARIANT_BANDS = { pelvic_tilt: "var(--hl-pelvis)", rotation_used: "var(--hl-rotation)" };
const ROLE_KEY = { restricting: "restricting tissue", compensating: "produce the compensation", "cue target": "target of the cue" };
const ROLE_MARK = { restricting: "\u25a0", compensating: "\u25cf", "cue target": "\u2605" };
const ROLE_VAR = { restricting: "--hl-restricting", compensating: "--hl-rotation", "cue target": "--hl-cue" };

function node(tag, attrs = {}, parent = null, ns = SVG) {
  const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else if (k === "class") e.setAttribute("class", v);
    else e.setAttribute(k, v);
  }
  if (parent) parent.appendChild(e);
  return e;
}
const html = (tag, attrs, parent) => node(tag, attrs, parent, null);

// Flat whole numbers [x0, y0, x1, y1, ...] (1/scale H, y up) -> SVG path (y down).
function polyline(flat) {
  let d = "";
  for (let i = 0; i + 1 < flat.length; i += 2) d += (i ? "L" : "M") + flat[i] + " " + -flat[i + 1];
  return d;
}
const ring = (flat) => polyline(flat) + "Z";
const dot = (x, y) => `M${x} ${-y}h0`;
function motion(m) { // [angle (ccw, y up), x, y] -> SVG transform (y down)
  return `translate(${m[1]} ${-m[2]}) rotate(${-m[0]})`;
}

class Panel {
  constructor(parent, title, cls, key) {
    this.figure = html("figure", { class: "hl-panel " + cls }, parent);
    html("figcaption", { text: title }, this.figure);
    this.box = html("div", { class: "hl-svgbox" }, this.figure);
    this.svg = node("svg", { class: "hl-svg", preserveAspectRatio: "xMidYMid meet", role: "img", "aria-label": title + " (the state in words: the readout above)" }, this.box);
    if (key) keyList(this.figure, key);
    this.u = 1;
  }
  addInset(label) { // a second, small drawing at the box's left: a Panel of its own (same svg methods)
    const inset = Object.create(Panel.prototype);
    inset.figure = this.figure; inset.box = this.box; inset.u = 1;
    inset.svg = node("svg", { class: "hl-svg hl-inset", preserveAspectRatio: "xMidYMax meet", role: "img", "aria-label": label }, this.box);
    this.box.classList.add("hl-has-inset");
    return inset;
  }
  setView(x0, x1, y0, y1) { // limits in 1/scale H, y up
    this.vb = [x0, -y1, x1 - x0, y1 - y0];
    this.svg.setAttribute("viewBox", this.vb.join(" "));
    this.measure();
  }
  measure() { // user units per CSS px, so that text and markers keep their size in px
    const r = this.svg.getBoundingClientRect();
    if (!this.vb || !r.width || !r.height) return;
    this.u = Math.max(this.vb[2] / r.width, this.vb[3] / r.height);
    this.w = r.width; this.h = r.height;
    this.svg.style.setProperty("--u", String(this.u));
  }
  keepInside(t, pad = 4) { // move an SVG text back inside the panel's visible box (user units), if it sticks out
    t.removeAttribute("transform");
    if (!this.vb || !this.w) return;
    let b;
    try { b = t.getBBox(); } catch { return; } // not rendered (some browsers throw)
    const u = this.u, [x, y, w, h] = this.vb;
    const x0 = x + w / 2 - (this.w * u) / 2 + pad * u, x1 = x + w / 2 + (this.w * u) / 2 - pad * u;
    const y0 = y + h / 2 - (this.h * u) / 2 + pad * u, y1 = y + h / 2 + (this.h * u) / 2 - pad * u;
    const dx = Math.max(x0 - b.x, 0) + Math.min(x1 - (b.x + b.width), 0);
    const dy = Math.max(y0 - b.y, 0) + Math.min(y1 - (b.y + b.height), 0);
    if (dx || dy) t.setAttribute("transform", `translate(${dx} ${dy})`);
  }
}

function keyList(parent, entries) {
  const ul = html("ul", { class: "hl-key" }, parent);
  for (const [swatch, words] of entries) {
    const li = html("li", {}, ul);
    const s = node("svg", { viewBox: "0 0 28 14", class: "hl-swatch", "aria-hidden": "true" }, li);
    swatch(s);
    html("span", { text: words }, li);
  }
  return ul;
}
const swLine = (color, width, dash = "") => (s) =>
  node("path", { d: "M2 7H26", stroke: color, "stroke-width": width, "stroke-dasharray": dash, fill: "none" }, s);
const swPatch = (fill, stroke, opacity = 1) => (s) =>
  node("rect", { x: 3, y: 2, width: 22, height: 10, fill, stroke, "fill-opacity": opacity, "stroke-width": 1.5 }, s);
const swDot = (color, r, ring = false) => (s) =>
  node("circle", { cx: 14, cy: 7, r, fill: ring ? "var(--hl-bg)" : color, stroke: color, "stroke-width": ring ? 2 : 0 }, s);

const SIDE_KEY = [
  [swPatch("var(--hl-pelvis)", "var(--hl-fg)", 0.8), "pelvis"],
  [swPatch("var(--hl-bone)", "var(--hl-fg)"), "femur, shank, foot"],
  [swLine("var(--hl-restricting)", 5), "tight tissue (front of hip)"],
  [swLine("var(--hl-rotation)", 2), "hip rotators in use"],
  [swLine("var(--hl-cue)", 5), "gluteus maximus (dashed: not cued)"],
  [swLine("var(--hl-lumbar)", 6), "lumbar spine"],
  [swDot("var(--hl-fg)", 4), "hip joint"],
  [swDot("var(--hl-fg)", 4.5, true), "ASIS (front), PSIS (back)"],
  [swLine("var(--hl-muted)", 1.5, "3 3"), "standing posture"],
  [swLine("var(--hl-fg)", 1.5, "2 3"), "mid-foot (whole lifter, left)"],
];
const TOP_KEY = [
  [swPatch("var(--hl-rotation)", "var(--hl-rotation)", 0.35), "feet"],
  [swPatch("var(--hl-bone)", "var(--hl-fg)"), "thigh bones"],
  [swLine("var(--hl-fg)", 4), "kneecap faces"],
  [swLine("var(--hl-rotation)", 3), "foot angle"],
  [swLine("var(--hl-muted)", 2, "5 3"), "straight ahead"],
  [swLine("var(--hl-muted)", 2, "1 2"), "stance, hip not rotated"],
];
const swRange = (s) => { // one swatch for both shaded ranges: tilt's colour above, rotation's below
  node("rect", { x: 3, y: 2, width: 22, height: 5, fill: "var(--hl-pelvis)", "fill-opacity": "var(--hl-variant-alpha)" }, s);
  node("rect", { x: 3, y: 7, width: 22, height: 5, fill: "var(--hl-rotation)", "fill-opacity": "var(--hl-variant-alpha)" }, s);
};
// the stages' names come with the payload (its "stages": biomech.model.stages.STAGE_LABELS, line by line)
const STAGE_NOTES = { beyond_range: " (the lockout stays short)" };
const curveKey = (stages) => Object.values(SERIES).map(([words, color, dash]) => [swLine(color, 3, dash), words]).concat([
  [swRange, "range over assumption variants"],
  ...Object.keys(stages).filter((stage) => stage !== "none").map((stage) =>
    [swPatch(`var(--hl-stage-${stage})`, "none"), "stage: " + stages[stage].join(" ") + (STAGE_NOTES[stage] || "")]),
]);

// ---- side view -------------------------------------------------------------------

class SideView {
  constructor(panel, data, labels, region = SIDE_REGION) {
    this.p = panel; this.data = data; this.region = region; this.labels = labels;
    const svg = panel.svg, o = data.outlines.side, S = data.scale;
    const g = (cls) => node("g", { class: cls }, svg);
    const path = (cls, parent = svg) => node("path", { class: cls }, parent);
    node("path", { class: "hl-ground", d: `M${-2 * S} 0H${3 * S}` }, svg);
    this.bones = {};
    for (const name of ["foot", "shank", "femur"]) {
      this.bones[name] = g("hl-bone");
      for (const r of o[name]) node("path", { d: ring(r) }, this.bones[name]);
    }
    this.ghostPelvis = path("hl-ghost");
    this.ghostLumbar = path("hl-ghost hl-open");
    this.bones.pelvis = g("hl-pelvis");
    node("path", { d: o.pelvis.map(ring).join(""), "fill-rule": "evenodd" }, this.bones.pelvis);
    this.hip = path("hl-dot hl-hip");
    this.muscles = {};
    for (const role of ["restricting", "cue target", "compensating"]) this.muscles[role] = path("hl-muscle hl-open", svg);
    this.muscles.restricting.classList.add("hl-m-restricting");
    this.muscles["cue target"].classList.add("hl-m-cue");
    this.muscles.compensating.classList.add("hl-m-compensating");
    this.lumbar = path("hl-lumbar hl-open");
    this.trunk = path("hl-trunk hl-open");
    this.head = node("circle", { class: "hl-head" }, svg);
    this.arm = path("hl-arm hl-open");
    this.bar = path("hl-dot hl-bar");
    this.landmarks = path("hl-dot hl-landmark");
    this.landmarksInner = path("hl-dot hl-landmark-in");
    this.guides = path("hl-guides hl-open");
    this.arc = path("hl-arc hl-open");
    if (region === LIFTER_REGION) { // the mid-foot: half the drawn foot's length from the heel (segments.mid_foot)
      const xs = o.foot.flat().filter((_, i) => i % 2 === 0), mid = (Math.min(...xs) + Math.max(...xs)) / 2;
      this.midFoot = path("hl-midfoot hl-open");
      this.midFoot.setAttribute("d", `M${mid} 0V${-1.02 * S}`);
    }
    this.text = {};
    if (labels) for (const k of ["tilt", "lordosis", "asis", "psis"]) this.text[k] = node("text", { class: "hl-label hl-l-" + k }, svg);
  }
  setSetting(setting) {
    this.ghostPelvis.setAttribute("d", setting.neutral.pelvis.map(ring).join(""));
    this.ghostLumbar.setAttribute("d", polyline(setting.neutral.lumbar));
    this.cue = setting.cue;
  }
  place(s) { // the view's limits: the region about the hip joint (the view follows the hips through)
    const S = this.data.scale, [[x0, x1], [y0, y1]] = this.region;
    this.p.setView(Math.round(x0 * S + s.hip[0]), Math.round(x1 * S + s.hip[0]), y0 * S, y1 * S);
  }
  paint(pose) {
    const s = pose.side;
    this.place(s);
    for (const [name, g] of Object.entries(this.bones)) {
      const m = s.bones[name];
      if (Array.isArray(m)) { g.setAttribute("transform", motion(m)); this.bonePoints(g, name, null); }
      else { g.removeAttribute("transform"); this.bonePoints(g, name, m.rings); }
    }
    this.hip.setAttribute("d", dot(s.hip[0], s.hip[1]));
    for (const [role, path] of Object.entries(this.muscles)) {
      path.setAttribute("d", pose.muscles[role].map(([, pts]) => polyline(pts)).join(""));
    }
    const [parts, short] = pose.tight;
    this.muscles.restricting.style.strokeWidth = (parts > MANY_PARTS ? THIN : MUSCLE_WIDTH.restricting) + "px";
    this.muscles.restricting.style.strokeOpacity = short ? 1 : 0.45;
    this.muscles["cue target"].style.strokeDasharray = this.cue === "squeeze_glutes" ? "" : "10 10";
    this.lumbar.setAttribute("d", polyline(s.lumbar));
    this.trunk.setAttribute("d", polyline(s.trunk));
    this.head.setAttribute("cx", s.head[0]); this.head.setAttribute("cy", -s.head[1]); this.head.setAttribute("r", s.head[2]);
    this.arm.setAttribute("d", polyline(s.arm));
    this.bar.setAttribute("d", dot(s.bar[0], s.bar[1]));
    const lm = dot(s.landmarks[0], s.landmarks[1]) + dot(s.landmarks[2], s.landmarks[3]);
    this.landmarks.setAttribute("d", lm); this.landmarksInner.setAttribute("d", lm);
    this.guides.setAttribute("d", polyline(s.guides));
    this.arc.setAttribute("d", polyline(s.arc));
    if (this.labels) this.paintLabels(pose.labels);
  }
  bonePoints(g, name, rings) { // a bone the scene did not move rigidly: its own points
    const outline = rings || this.data.outlines.side[name];
    const paths = g.querySelectorAll("path");
    if (name === "pelvis") paths[0].setAttribute("d", outline.map(ring).join(""));
    else outline.forEach((r, i) => paths[i] && paths[i].setAttribute("d", ring(r)));
  }
  paintLabels(labels) {
    const u = this.p.u, pt = 1.33; // offsets as the side view's, points -> CSS px
    const place = (key, dxPt, dyPt, anchor) => {
      const t = this.text[key], l = labels[key];
      const lines = l.text.split("\n");
      t.replaceChildren();
      const x = l.at[0] + dxPt * pt * u, y = -l.at[1] + dyPt * pt * u;
      const lh = 1.15;
      // the tilt's and the lordosis' labels grow upwards from their anchor, clear of the ASIS label below
      const first = key === "tilt" || key === "lordosis" ? -(lines.length - 1) * lh : 0;
      lines.forEach((line, i) => node("tspan", { x, dy: i ? `${lh}em` : `${first}em`, text: line }, t));
      t.setAttribute("x", x); t.setAttribute("y", y);
      t.setAttribute("text-anchor", anchor);
      this.p.keepInside(t);
    };
    place("tilt", 16, 0, "start");
    if (labels.lordosis.behind === false) place("lordosis", 18, 0, "start");
    else place("lordosis", -18, 0, "end");
    place("asis", 2, 14, "middle");
    place("psis", -14, 5, "end");
  }
}

// ---- top view --------------------------------------------------------------------

class TopView {
  constructor(panel, data) {
    this.p = panel; this.data = data;
    const svg = panel.svg, o = data.outlines.top, S = data.scale;
    const [[x0, x1], [y0, y1]] = TOP_REGION;
    const path = (cls) => node("path", { class: cls }, svg);
    panel.setView(x0 * S, x1 * S, y0 * S, y1 * S);
    this.stance = path("hl-stance hl-open");
    this.ahead = path("hl-ahead hl-open");
    this.bones = {};
    const bone = (name, cls) => {
      const g = node("g", { class: cls }, svg);
      node("path", { d: o[name].map(ring).join(""), "fill-rule": "evenodd" }, g);
      this.bones[name] = g;
    };
    bone("foot_r", "hl-foot"); bone("foot_l", "hl-foot"); bone("pelvis", "hl-top-pelvis");
    bone("femur_r", "hl-bone"); bone("femur_l", "hl-bone");
    this.kneecaps = path("hl-kneecaps hl-open");
    this.arcs = path("hl-footarc hl-open");
    const arrowX = x0 * S + 0.02 * (x1 - x0) * S;
    node("path", { class: "hl-arrow hl-open", d: `M${arrowX} ${-(y0 + 0.3 * (y1 - y0)) * S}V${-(y0 + 0.75 * (y1 - y0)) * S}` }, svg);
    node("path", { class: "hl-arrowhead", d: "" }, svg);
    this.forward = node("text", { class: "hl-note hl-forward", text: "forward" }, svg);
    this.right = node("text", { class: "hl-note", "text-anchor": "end" }, svg);
    this.left = node("text", { class: "hl-note", "text-anchor": "start" }, svg);
    let words = panel.figure.querySelector(".hl-toplabels"); // kept when the lab is rebuilt
    if (!words) words = panel.figure.insertBefore(html("p", { class: "hl-toplabels" }), panel.box);
    words.replaceChildren();
    this.feet = html("span", { class: "hl-feet" }, words);
    this.hipText = html("span", { class: "hl-hiprot" }, words);
    this.layout();
  }
  layout() { // the fixed words, placed in px from the panel's edges
    const u = this.p.u, S = this.data.scale, [[x0, x1], [y0, y1]] = TOP_REGION;
    const two = (t, a, b) => { t.replaceChildren(); node("tspan", { x: t.getAttribute("x"), dy: "-1.15em", text: a }, t); node("tspan", { x: t.getAttribute("x"), dy: "1.15em", text: b }, t); };
    this.right.setAttribute("x", x1 * S); this.right.setAttribute("y", -y0 * S - 4 * u); two(this.right, "lifter's", "right");
    this.left.setAttribute("x", x0 * S); this.left.setAttribute("y", -y0 * S - 4 * u); two(this.left, "lifter's", "left");
    const ax = x0 * S + 0.02 * (x1 - x0) * S, top = -(y0 + 0.75 * (y1 - y0)) * S;
    this.forward.setAttribute("transform", `translate(${ax + 14 * u} ${-(y0 + 0.32 * (y1 - y0)) * S}) rotate(-90)`);
    this.p.svg.querySelector(".hl-arrowhead").setAttribute("d", `M${ax - 5 * u} ${top + 9 * u}L${ax} ${top}L${ax + 5 * u} ${top + 9 * u}Z`);
  }
  paint(pose) {
    const t = pose.top;
    for (const [name, g] of Object.entries(this.bones)) {
      const m = t.bones[name];
      if (Array.isArray(m)) g.setAttribute("transform", motion(m));
      else { g.removeAttribute("transform"); g.firstChild.setAttribute("d", m.rings.map(ring).join("")); }
    }
    this.stance.setAttribute("d", t.stance.map(polyline).join(""));
    this.ahead.setAttribute("d", t.ahead.map(polyline).join(""));
    this.arcs.setAttribute("d", t.arcs.map(polyline).join(""));
    this.kneecaps.setAttribute("d", t.kneecaps.map(polyline).join(""));
    this.feet.textContent = pose.labels.feet.text;
    this.hipText.textContent = pose.labels.hip.text;
  }
}

// ---- curves ----------------------------------------------------------------------

class CurvesView {
  constructor(panel, data) {
    this.p = panel; this.data = data;
    const clip = node("clipPath", { id: "hl-plot-" + Math.random().toString(36).slice(2) }, node("defs", {}, panel.svg));
    this.clipRect = node("rect", {}, clip);
    this.clipId = clip.id;
    this.static = node("g", {}, panel.svg);
    this.now = node("path", { class: "hl-now hl-open" }, panel.svg);
    this.markers = node("path", { class: "hl-dot hl-marker-out" }, panel.svg);
    this.markersIn = node("path", { class: "hl-dot hl-marker-in" }, panel.svg);
  }
  setSetting(setting) { this.setting = setting; this.layout(); }
  layout() { // axes in CSS px: redrawn when the setting or the panel's size changes
    const setting = this.setting, box = this.p.box.getBoundingClientRect();
    if (!setting || !box.width) return;
    const W = Math.max(box.width, 200), H = Math.max(box.height, 150);
    this.p.svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    this.p.vb = [0, 0, W, H]; this.p.u = 1; this.p.svg.style.setProperty("--u", "1");
    const c = setting.curves, xs = c.x;
    const shown = [];
    for (const n of ["rotation_used", "pelvic_tilt", "lumbar_extension"]) for (const v of c[n]) if (v !== null) shown.push(v);
    const ranges = setting.variants || {};
    for (const n of Object.keys(VARIANT_BANDS)) for (const side of ranges[n] || []) for (const v of side) if (v !== null) shown.push(v);
    const low = Math.min(0, ...shown), high = Math.max(10, ...shown), pad = 0.12 * (high - low);
    this.ylo = low - (low < 0 ? pad : 0.04 * (high - low)); this.yhi = high + 2.6 * pad;
    const fs = parseFloat(getComputedStyle(this.p.svg).fontSize) || 16;
    const L = 3.2 * fs, R = 10, T = 6, B = 3.7 * fs;
    for (const [k, v] of Object.entries({ x: L, y: T, width: W - L - R, height: H - T - B })) this.clipRect.setAttribute(k, v);
    this.xmax = Math.max(...xs); this.xmin = Math.min(...xs);
    this.X = (x) => L + ((this.xmax - x) / (this.xmax - this.xmin)) * (W - L - R);
    this.Y = (y) => T + ((this.yhi - y) / (this.yhi - this.ylo)) * (H - T - B);
    const g = this.static; g.replaceChildren();
    for (const [stage, lo, hi] of setting.bands) {
      if (hi <= lo) continue;
      node("rect", { class: "hl-band hl-band-" + stage, x: this.X(hi), y: T, width: this.X(lo) - this.X(hi), height: H - T - B }, g);
      if (hi - lo >= 6) {
        const t = node("text", { class: "hl-bandlabel", x: (this.X(lo) + this.X(hi)) / 2, y: T + fs, "text-anchor": "middle" }, g);
        this.data.stages[stage].forEach((w, i) => node("tspan", { x: (this.X(lo) + this.X(hi)) / 2, dy: i ? "1.1em" : "0", text: w }, t));
        if (t.getBBox().width > this.X(lo) - this.X(hi) - 4) t.remove(); // no room: the key names the colours
      }
    }
    const step = this.yhi - this.ylo > 60 ? 20 : 10;
    for (let v = Math.ceil(this.ylo / step) * step; v <= this.yhi; v += step) {
      node("path", { class: "hl-grid hl-open", d: `M${L} ${this.Y(v)}H${W - R}` }, g);
      node("text", { class: "hl-tick", x: L - 6, y: this.Y(v) + 0.35 * fs, "text-anchor": "end", text: String(v).replace("-", "\u2212") }, g);
    }
    node("path", { class: "hl-zero hl-open", d: `M${L} ${this.Y(0)}H${W - R}` }, g);
    for (let v = 40; v >= this.xmin; v -= 20) {
      node("text", { class: "hl-tick", x: this.X(v), y: H - B + 1.2 * fs, "text-anchor": "middle", text: String(v).replace("-", "\u2212") }, g);
    }
    const xl = node("text", { class: "hl-axis", x: (L + W - R) / 2, y: H - 1.45 * fs, "text-anchor": "middle" }, g);
    node("tspan", { x: (L + W - R) / 2, text: "hip extension available (\u00b0)" }, xl);
    node("tspan", { x: (L + W - R) / 2, dy: "1.2em", text: "\u2190 looser \u00b7 tighter \u2192" }, xl);
    node("text", { class: "hl-axis", transform: `translate(${0.9 * fs} ${(T + H - B) / 2}) rotate(-90)`, "text-anchor": "middle", text: "angle (\u00b0)" }, g);
    for (const [name, color] of Object.entries(VARIANT_BANDS)) { // lows forward, highs back: one closed path
      const range = ranges[name];
      if (!range) continue;
      const [lo, hi] = range, ok = xs.map((_, i) => lo[i] !== null && hi[i] !== null);
      const fwd = xs.map((x, i) => ok[i] ? this.X(x).toFixed(1) + " " + this.Y(lo[i]).toFixed(1) : null).filter((p) => p);
      const back = xs.map((x, i) => ok[i] ? this.X(x).toFixed(1) + " " + this.Y(hi[i]).toFixed(1) : null).filter((p) => p).reverse();
      if (!fwd.length) continue;
      node("path", { class: "hl-variants hl-variants-" + name, d: "M" + fwd.concat(back).join("L") + "Z", fill: color, "clip-path": `url(#${this.clipId})` }, g);
    }
    for (const [name, [, color, dash]] of Object.entries(SERIES)) {
      let d = "", pen = false;
      c[name].forEach((v, i) => {
        if (v === null) { pen = false; return; }
        d += (pen ? "L" : "M") + this.X(xs[i]).toFixed(1) + " " + this.Y(v).toFixed(1); pen = true;
      });
      node("path", { class: "hl-series hl-open", d, stroke: color, "stroke-dasharray": dash, "clip-path": `url(#${this.clipId})` }, g);
    }
    this.T = T; this.B = B; this.H = H;
    if (this.state) this.paint(this.state);
  }
  paint(state) {
    this.state = state;
    if (!this.X) return;
    const x = this.X(state.x);
    this.now.setAttribute("d", `M${x} ${this.T}V${this.H - this.B}`);
    const d = state.at.filter((v) => v !== null).map((v) => `M${x} ${this.Y(v)}h0`).join("");
    this.markers.setAttribute("d", d); this.markersIn.setAttribute("d", d);
  }
}

// ---- the muscle table ------------------------------------------------------------

function buildTable(parent, table, roles) {
  const wrap = html("section", { class: "hl-table" }, parent);
  html("h2", { text: table.title + "*" }, wrap);
  const t = html("table", {}, wrap);
  const head = html("tr", {}, html("thead", {}, t));
  html("th", { text: "" }, head);
  for (const r of table.roles) html("th", { text: r[0].toUpperCase() + r.slice(1) }, head);
  const body = html("tbody", {}, t);
  const cells = {};
  for (const group of table.groups) {
    const tr = html("tr", {}, body);
    html("th", { text: group.name, scope: "row" }, tr);
    for (const labels of group.cells) {
      const td = html("td", {}, tr);
      for (const label of labels) {
        const span = html("span", { class: table.empty.includes(label) ? "hl-entry hl-empty" : "hl-entry" }, td);
        html("span", { class: "hl-marks", "aria-hidden": "true" }, span);
        html("span", { class: "hl-name", text: label }, span);
        (cells[label] = cells[label] || []).push(span);
      }
    }
  }
  const key = html("p", { class: "hl-rolekey" }, wrap);
  for (const role of roles) {
    const s = html("span", { class: "hl-entry", "data-roles": role }, key);
    html("span", { class: "hl-marks", text: ROLE_MARK[role], "aria-hidden": "true" }, s);
    html("span", { class: "hl-name", text: ROLE_KEY[role] }, s);
    s.style.setProperty("--hl-stripe", `var(${ROLE_VAR[role]})`);
  }
  html("p", { class: "hl-footnote", text: "*" + table.footnote }, wrap);
  html("p", { class: "hl-footnote hl-muted", text: table.source }, wrap);
  return (highlights) => {
    for (const [label, spans] of Object.entries(cells)) {
      const r = highlights[label] || [];
      for (const span of spans) {
        span.dataset.roles = r.join(" ");
        span.firstChild.textContent = r.map((x) => ROLE_MARK[x]).join("");
        span.style.setProperty("--hl-stripe", r.length ? `var(${ROLE_VAR[r[0]]})` : "transparent");
        span.title = r.map((x) => ROLE_KEY[x]).join(", ");
      }
    }
  };
}

// ---- the lab ---------------------------------------------------------------------

/**
 * Draw the lab in `root` from a payload (biomech.web.payload.lab_payload).
 *
 * options.theme: "light" or "dark"; options.stacked: the slider above the drawing (in a
 * notebook or beside the lab's own controls) instead of in a column beside it;
 * options.header: an element to put above the controls; options.onState(x): called after
 * each painted state (the widget tells the kernel where the slider rests).
 * Returns {setSetting(index), setPayload(payload), setState(x), setTheme(name), root}.
 */
export function mount(root, payload, options = {}) {
  root.classList.add("hiplab-web");
  root.dataset.frames = "0";
  root.dataset.theme = options.theme || "light";
  if (options.stacked) root.classList.add("hl-stacked");
  root.replaceChildren();
  let data = payload, setting = null, index = 0, lastHighlights = null;
  const controls = html("div", { class: "hl-controls" }, root);
  if (options.header) controls.appendChild(options.header);
  const sliderBox = html("div", { class: "hl-field hl-sliderbox" }, controls);
  const uid = (root.id || "hiplab-" + Math.random().toString(36).slice(2)) + "-slider"; // one per lab on a page
  const sliderLabel = html("label", { for: uid }, sliderBox);
  html("span", { text: "Available hip extension (deg) " }, sliderLabel);
  const out = html("output", { class: "hl-value" }, sliderLabel);
  const slider = html("input", { type: "range", id: uid, class: "hl-slider" }, sliderBox);
  const hint = html("p", { class: "hl-hint", text: "Arrow keys move it by 0.5 deg (tighter: left)." }, sliderBox);
  const selectors = html("div", { class: "hl-selectors" }, controls);
  const extra = html("div", { class: "hl-extra" }, controls);
  const main = html("div", { class: "hl-main" }, root);
  const readout = html("div", { class: "hl-readout" }, main);
  const said = html("div", { class: "hl-sr", "aria-live": "polite", role: "status" }, main);
  const panels = html("div", { class: "hl-panels" }, main);
  const hips = new Panel(panels, "Side view", "hl-hips", SIDE_KEY);
  const topPanel = new Panel(panels, "From above", "hl-top", TOP_KEY);
  const curvePanel = new Panel(panels, "Compensation", "hl-curves", curveKey(payload.stages));
  const tableBox = html("div", { class: "hl-tablebox" }, root);
  const lifter = hips.addInset("The whole lifter, small: feet, bar and the mid-foot line they balance over");
  let hipsView, lifterView, topView, curves, highlight;

  function build() {
    for (const p of [hips, lifter, topPanel, curvePanel]) p.svg.replaceChildren();
    hipsView = new SideView(hips, data, true);
    lifterView = new SideView(lifter, data, false, LIFTER_REGION);
    topView = new TopView(topPanel, data);
    curves = new CurvesView(curvePanel, data);
    tableBox.replaceChildren();
    highlight = buildTable(tableBox, data.table, data.roles);
    lastHighlights = null;
    const [lo, hi, step] = data.slider;
    slider.min = lo; slider.max = hi; slider.step = step;
    hint.textContent = `Arrow keys move it by ${step} deg (tighter: left).`;
  }

  const frame = (p) => JSON.stringify([p.scale, p.outlines, p.table, p.slider, p.roles]); // what build() draws once

  function paint() {
    const state = setting.states[index];
    const pose = data.poses[state.pose];
    hipsView.paint(pose); lifterView.paint(pose); topView.paint(pose); curves.paint(state);
    const h = JSON.stringify(pose.highlights);
    if (h !== lastHighlights) { highlight(pose.highlights); lastHighlights = h; }
    readout.replaceChildren();
    html("b", { text: state.readout[0] }, readout);
    if (state.readout[1]) readout.append(" " + state.readout[1]);
    html("br", {}, readout);
    readout.append(state.readout[2]);
    if (state.sure) html("span", { class: "hl-sure", text: state.sure, title: state.sure }, readout); // one line, may end in "..." 
    out.textContent = state.values[0];
    slider.setAttribute("aria-valuetext", state.avail + " deg available");
    said.textContent = `${state.avail} deg available, ${data.cue_words[setting.cue]}: ${state.readout[0]} ${state.readout[2]}.` + (state.sure ? " " + state.sure : "");
    root.dataset.state = state.avail;
    root.dataset.frames = String(Number(root.dataset.frames) + 1);
    if (options.onState) options.onState(state.x);
  }

  function setState(x) {
    const [lo, , step] = data.slider;
    const i = Math.round((x - lo) / step);
    index = Math.max(0, Math.min(setting.states.length - 1, i));
    slider.value = String(setting.states[index].x);
    paint();
  }

  function setSetting(i) {
    setting = data.settings[i];
    root.dataset.setting = [setting.mechanism, setting.cue, setting.tissue, JSON.stringify(setting.overrides || {})].join("|");
    hipsView.setSetting(setting); lifterView.setSetting(setting); curves.setSetting(setting);
    setState(Number(slider.value));
  }

  // The drawing takes the height left in the window: below the page's own header (Voila's title) when
  // the lab starts in the first screen, else below the lab's own controls (a window's height when scrolled to).
  function fit() {
    const r = main.getBoundingClientRect();
    if (!r.width) return;
    const own = r.top - root.getBoundingClientRect().top, atPage = r.top + window.scrollY;
    const above = atPage >= own && atPage < FIRST_SCREEN * window.innerHeight ? atPage : own;
    const h = Math.round(window.innerHeight - above - FIT_MARGIN);
    if (root.style.getPropertyValue("--hl-fit") !== h + "px") root.style.setProperty("--hl-fit", h + "px");
  }
  new ResizeObserver(fit).observe(root);
  window.addEventListener("resize", fit);

  slider.addEventListener("input", () => setState(Number(slider.value)));
  new ResizeObserver(() => {
    for (const p of [hips, lifter, topPanel]) p.measure();
    topView.layout();
    curves.layout();
    if (setting) paint();
  }).observe(panels);

  build();
  slider.value = String(data.slider[3]);
  setSetting(0);
  return {
    root, selectors, extra, slider,
    setSetting, setState,
    setPayload(p, x) { // a new payload: the drawing is rebuilt only if its outlines, table or slider differ
      const same = frame(p) === frame(data);
      data = p;
      if (same) for (const view of [hipsView, lifterView, topView, curves]) view.data = p;
      else build();
      slider.value = String(x ?? data.slider[3]); setSetting(0);
    },
    setTheme(name) { root.dataset.theme = name; curves.layout(); },
    get setting() { return setting; },
    get state() { return setting.states[index]; },
  };
}

/** The one-file page: selectors for tissue, cue and mechanism, and a light/dark toggle. */
export function mountPage(root, payload) {
  const lab = mount(root, payload, { theme: "light" });
  const s = payload.settings;
  const choice = { mechanism: s[0].mechanism, cue: s[0].cue, tissue: s[0].tissue };
  const names = { mechanism: { blog: "Blog's hypothesis", geometry: "Muscle geometry" }, cue: { stand_tall: "Stand tall", squeeze_glutes: "Squeeze glutes" } };
  const field = (label, key) => {
    const box = html("div", { class: "hl-field" }, lab.selectors);
    html("label", { for: "hl-" + key, text: label }, box);
    return html("select", { id: "hl-" + key, class: "hl-select" }, box);
  };
  const sel = { tissue: field("Restricting tissue", "tissue"), cue: field("Cue at lockout", "cue"), mechanism: field("How the hip makes up the deficit", "mechanism") };
  const fill = (key) => {
    const opts = [...new Set(s.filter((x) => key !== "tissue" || x.mechanism === choice.mechanism).map((x) => x[key]))];
    if (!opts.includes(choice[key])) choice[key] = opts[0];
    sel[key].replaceChildren();
    for (const v of opts) html("option", { value: v, text: (names[key] || {})[v] || v }, sel[key]);
    sel[key].value = choice[key];
  };
  const apply = () => {
    fill("tissue");
    const i = s.findIndex((x) => x.mechanism === choice.mechanism && x.cue === choice.cue && x.tissue === choice.tissue);
    lab.setSetting(i);
  };
  for (const key of ["mechanism", "cue", "tissue"]) {
    fill(key);
    sel[key].addEventListener("change", () => { choice[key] = sel[key].value; apply(); });
  }
  const theme = html("button", { type: "button", class: "hl-button hl-theme", "aria-pressed": "false", text: "Dark (projector)" }, lab.extra);
  theme.addEventListener("click", () => {
    const dark = root.dataset.theme !== "dark";
    lab.setTheme(dark ? "dark" : "light");
    document.documentElement.dataset.theme = dark ? "dark" : "light";
    theme.setAttribute("aria-pressed", String(dark));
    theme.textContent = dark ? "Light" : "Dark (projector)";
  });
  return lab;
}

// Other drawings on the same anywidget entry point, by the widget's `renderer` trait (e.g. lift.js's "lift").
export const RENDERERS = {};

/** anywidget: the kernel sends `payload` (one setting, its 141 states); the slider moves here. */
export function render({ model, el }) {
  const other = RENDERERS[model.get("renderer")];
  if (other) return other({ model, el });
  const root = document.createElement("div");
  el.appendChild(root);
  let timer = null;
  const lab = mount(root, model.get("payload"), {
    theme: model.get("theme"),
    stacked: model.get("layout_mode") === "stacked",
    onState(x) { // tell the kernel where the slider rests (for Export); never per frame
      if (x === model.get("value")) return;
      clearTimeout(timer);
      timer = setTimeout(() => { model.set("value", x); model.save_changes(); }, 250);
    },
  });
  // once a setting is on screen, the kernel may compute its neighbours in the background (lab_widget.prefetch)
  const painted = () => requestAnimationFrame(() => setTimeout(() => model.send({ event: "painted" }), 0));
  lab.setState(model.get("value"));
  painted();
  model.on("change:payload", () => { lab.setPayload(model.get("payload"), Number(lab.slider.value)); painted(); });
  model.on("change:value", () => { if (Number(lab.slider.value) !== model.get("value")) lab.setState(model.get("value")); });
  model.on("change:theme", () => lab.setTheme(model.get("theme")));
  return () => clearTimeout(timer);
}

export default { render };
