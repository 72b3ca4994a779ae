// In-page probe, injected by Playwright (context.add_init_script) before a page's own scripts run.
//
// It timestamps, inside the page, with performance.timeOrigin + performance.now() (an absolute
// clock shared by the frames, so an iframe's paint can be compared with the top page's
// navigation start or with a pointerdown in the top page):
//   * first[kind]: the first animation frame in which a map of that kind is visibly drawn;
//   * paints: every animation frame in which a map changed (a DOM mutation inside a map, a map
//     added or removed, or a WebGL frame whose pixels differ from the previous one drawn);
//   * downs: every pointerdown.
// Python reads it with window.__bench.dump() in each frame; nothing is timed by polling from
// Python, so its polling interval never enters a figure.
(() => {
  // DOM kinds: visible when an element matching `visible` has a real box; a mutation inside (or
  // adding or removing) an element matching `root` is a paint.
  const DOM_KINDS = {
    // The floor: its selectbox is its "map"; the caption that follows the choice is repainted.
    widget: { visible: "[data-testid='stSelectbox']", root: ".st-key-bench-value" },
    // The dashboard's server-rendered inline SVG choropleth.
    svg: { visible: "svg.di-map use, svg.di-map path", root: "svg.di-map" },
    // folium (inside streamlit-folium's iframe): Leaflet's SVG renderer draws paths.
    leaflet: { visible: ".leaflet-overlay-pane path", root: ".leaflet-container" },
  };
  // WebGL canvas kinds: visible when a drawn frame is non-flat; a drawn frame whose pixels differ
  // from the previous one is a paint.
  const CANVAS_KINDS = {
    maplibre: ".maplibregl-canvas", // plotly choropleth_map
    deck: "[data-testid='stDeckGlJsonChart'] canvas", // pydeck (the reference, and the app before its SVG map)
  };
  const SAMPLE = 64; // canvases are compared on a 64×64 downscale: cheap, and enough to see a recolour

  // Set the probe up in one window (the top page, or a same-origin iframe reached from its parent).
  const install = (win) => {
    const doc = win.document;
    if (win.__bench && win.__bench.doc === doc) return;
    const perf = win.performance;
    const abs = (t) => perf.timeOrigin + (t === undefined ? perf.now() : t);
    // cost: ms the probe spent on its own work (observer, per-frame checks); wait: ms its canvas reads
    // spent waiting for frames to be rendered. Both are reported, so the probe's footprint is known.
    const state = { first: {}, paints: [], downs: [], lastSig: {}, dirty: {}, error: null,
                    cost: 0, wait: 0, reads: 0 };

    const hasBox = (selector) => {
      for (const el of doc.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) return true;
      }
      return false;
    };
    const touches = (node, selector) => node.nodeType === 1 && !!(node.closest(selector) || node.querySelector(selector));

    // A map's DOM changed: mark its kind dirty; the next animation frame records the paint.
    new win.MutationObserver((records) => {
      const t0 = perf.now();
      for (const [kind, spec] of Object.entries(DOM_KINDS)) {
        if (state.dirty[kind]) continue;
        for (const r of records) {
          const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          let hit = !!(target && target.closest(spec.root));
          if (!hit && r.type === "childList") {
            hit = [...r.addedNodes, ...r.removedNodes].some((n) => touches(n, spec.root));
          }
          if (hit) { state.dirty[kind] = true; break; }
        }
      }
      state.cost += perf.now() - t0;
    }).observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });

    // One reusable 2-D canvas to downscale WebGL canvases into.
    let probe = null;
    const sample = (canvas) => {
      if (!canvas.width || !canvas.height) return null;
      if (!probe) {
        probe = doc.createElement("canvas");
        probe.width = SAMPLE; probe.height = SAMPLE;
      }
      const ctx = probe.getContext("2d", { willReadFrequently: true });
      ctx.clearRect(0, 0, SAMPLE, SAMPLE);
      try { ctx.drawImage(canvas, 0, 0, SAMPLE, SAMPLE); } catch (e) { return null; }
      const d = ctx.getImageData(0, 0, SAMPLE, SAMPLE).data;
      // FNV-1a over the pixels is the frame's signature; a colour histogram tells "flat" (blank).
      let h = 2166136261;
      const counts = new Map();
      for (let i = 0; i < d.length; i += 4) {
        const px = (d[i] << 24) ^ (d[i + 1] << 16) ^ (d[i + 2] << 8) ^ d[i + 3];
        h = Math.imul(h ^ px, 16777619) >>> 0;
        const q = ((d[i] >> 4) << 12) | ((d[i + 1] >> 4) << 8) | ((d[i + 2] >> 4) << 4) | (d[i + 3] >> 4);
        counts.set(q, (counts.get(q) || 0) + 1);
      }
      const total = SAMPLE * SAMPLE;
      return { sig: h, drawn: total - Math.max(...counts.values()) > total * 0.01 };
    };

    // A WebGL canvas is read right after the app has drawn a frame into it: a microtask queued by
    // the frame's first draw call runs once the app's render callback returns, before the frame is
    // presented, while the drawing buffer still holds it (MapLibre does not preserve it, so a read
    // at any other moment sees a blank canvas). Only frames actually drawn are read.
    // The read waits until the GPU (SwiftShader, on the CPU here) has rendered the frame: the first
    // deck.gl frame, which compiles its shaders, takes over a second. So the paint's time is taken
    // after the read, when the frame exists and can be shown; `wait` reports how long reads waited.
    const pending = new Set();
    const onFrame = (canvas) => {
      const kind = Object.keys(CANVAS_KINDS).find((k) => canvas.isConnected && canvas.matches(CANVAS_KINDS[k]));
      if (!kind) return;
      const t0 = abs();
      const s = sample(canvas);
      const t = abs();
      state.wait += t - t0;
      state.reads += 1;
      if (!s) return;
      if (!(kind in state.first)) {
        if (s.drawn) { state.first[kind] = t; state.paints.push({ kind, t }); }
      } else if (state.lastSig[kind] !== s.sig) {
        // Identical frames (MapLibre redraws for ~300 ms after a change) are not paints.
        state.paints.push({ kind, t });
      }
      state.lastSig[kind] = s.sig;
    };
    // The hooks are put on the window's WebGL prototypes once and call whichever document's probe
    // is current (a reused iframe window keeps its prototypes across documents).
    win.__benchDraw = (canvas) => {
      if (pending.has(canvas)) return;
      pending.add(canvas);
      win.queueMicrotask(() => { pending.delete(canvas); onFrame(canvas); });
    };
    for (const proto of [win.WebGLRenderingContext, win.WebGL2RenderingContext].map((c) => c && c.prototype)) {
      if (!proto) continue;
      for (const name of ["clear", "drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced",
                          "drawRangeElements"]) {
        const original = proto[name];
        if (typeof original !== "function" || original.__benchHook) continue;
        const hooked = function (...args) {
          if (this.canvas) win.__benchDraw(this.canvas);
          return original.apply(this, args);
        };
        hooked.__benchHook = true;
        proto[name] = hooked;
      }
    }

    // DOM maps are checked once per animation frame, just before it is painted.
    // Same-origin iframes are set up from here: an iframe's window is reused from its initial
    // about:blank for the real document, and the init script does not run again for it.
    const tick = () => {
      const t0 = perf.now();
      try {
        // The callback's own time, not the frame's begin time (rAF's argument): on a busy main
        // thread a frame's callbacks run well after it began, after the DOM change they show.
        const t = abs();
        for (const [kind, spec] of Object.entries(DOM_KINDS)) {
          if (!(kind in state.first) && hasBox(spec.visible)) {
            state.first[kind] = t;
            state.paints.push({ kind, t });
          }
          if (state.dirty[kind]) {
            state.dirty[kind] = false;
            if (kind in state.first) state.paints.push({ kind, t });
          }
        }
        for (const frame of doc.querySelectorAll("iframe")) {
          let child = null;
          try { child = frame.contentWindow && frame.contentWindow.document && frame.contentWindow; } catch (e) { /* cross-origin */ }
          if (child) install(child);
        }
      } catch (e) {
        state.error = String(e); // reported by dump(), so that a broken detector shows instead of hiding
      }
      state.cost += perf.now() - t0;
      win.requestAnimationFrame(tick);
    };
    win.requestAnimationFrame(tick);

    win.addEventListener("pointerdown", () => state.downs.push(abs()), true);

    win.__bench = {
      doc,
      dump() {
        return { origin: perf.timeOrigin, now: abs(), first: state.first, paints: state.paints, downs: state.downs,
                 url: win.location.href, error: state.error, cost: state.cost, wait: state.wait, reads: state.reads };
      },
    };
  };
  install(window);
})();
