/* Graph explorer for regkg: force layout + SVG drawing, filters, search, side panel.
   Written for this project. Data comes from #kg-data (JSON); every string from the
   data is inserted with textContent or setAttribute, never parsed as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var SVGNS = "http://www.w3.org/2000/svg";
  var nodes = data.nodes, edges = data.edges, N = nodes.length;

  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]); }
    return e;
  }
  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function color(t) { return data.colors[t] || data.colors.ENTITY; }
  function arabic(n) { return n.name_ar || (/[\u0600-\u06FF]/.test(n.name) ? n.name : null); }
  function english(n) {
    if (n.name_en) return n.name_en;
    return /[\u0600-\u06FF]/.test(n.name) && n.name_ar !== n.name ? null : n.name;
  }

  /* ---- layout: deterministic Fruchterman-Reingold ---- */
  var W = 1000, H = 800, x = new Float64Array(N), y = new Float64Array(N);
  var deg = new Int32Array(N);
  edges.forEach(function (e) { deg[e.s]++; deg[e.t]++; });
  var ring = { Ban: 0.25, Migration: 0.3, Article: 0.9, Entity: 0.6 };
  for (var i = 0; i < N; i++) {
    var a = i * 2.399963, r = (ring[nodes[i].label] || 0.6) * Math.min(W, H) * 0.45;
    x[i] = W / 2 + r * Math.cos(a); y[i] = H / 2 + r * Math.sin(a);
  }
  (function layout() {
    if (N < 2) return;
    var k = Math.min(70, Math.sqrt((W * H) / N) * 0.5), iters = N < 300 ? 300 : N < 1000 ? 120 : 40;
    var t = W / 10, dx = new Float64Array(N), dy = new Float64Array(N);
    for (var it = 0; it < iters; it++) {
      dx.fill(0); dy.fill(0);
      for (var p = 0; p < N; p++) {
        for (var q = p + 1; q < N; q++) {
          var ex = x[p] - x[q], ey = y[p] - y[q], d2 = ex * ex + ey * ey + 0.01;
          var f = (k * k) / d2;
          dx[p] += ex * f; dy[p] += ey * f; dx[q] -= ex * f; dy[q] -= ey * f;
        }
      }
      for (var j = 0; j < edges.length; j++) {
        var s = edges[j].s, u = edges[j].t;
        var ux = x[s] - x[u], uy = y[s] - y[u], d = Math.sqrt(ux * ux + uy * uy) + 0.01;
        var w = edges[j].type === "MENTIONS" ? 0.3 : 1, g = (d / k) * w;
        dx[s] -= ux * g; dy[s] -= uy * g; dx[u] += ux * g; dy[u] += uy * g;
      }
      for (var m = 0; m < N; m++) {
        dx[m] += (W / 2 - x[m]) * 0.03; dy[m] += (H / 2 - y[m]) * 0.03;
        var len = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]) + 0.01, step = Math.min(len, t);
        x[m] += (dx[m] / len) * step; y[m] += (dy[m] / len) * step;
      }
      t = Math.max(t * 0.97, 1);
    }
  })();

  /* ---- drawing ---- */
  var gEdges = document.getElementById("edges"), gNodes = document.getElementById("nodes");
  var root = document.getElementById("graph"), viewport = document.getElementById("viewport");
  var nodeEls = [], edgeEls = [], showLabels = N <= 400;
  var BIG = { BAN: 1, MIGRATION: 1, COUNTRY: 1, PROVINCE: 1 };

  function shape(n, i) {
    var c = color(n.type), sz = 7 + Math.min(6, Math.sqrt(deg[i] || 0));
    if (n.type === "BAN") return svg("rect", { "class": "shape", x: -sz, y: -sz, width: 2 * sz, height: 2 * sz, fill: c, stroke: "#fff" });
    if (n.type === "MIGRATION") {
      var d = sz * 1.3;
      return svg("polygon", { "class": "shape", points: "0," + (-d) + " " + d + ",0 0," + d + " " + (-d) + ",0", fill: c, stroke: "#fff" });
    }
    if (n.type === "ARTICLE") return svg("rect", { "class": "shape", x: -6, y: -8, width: 12, height: 16, rx: 2, fill: c, stroke: "#fff" });
    return svg("circle", { "class": "shape", r: sz * 0.8, fill: c, stroke: "#fff" });
  }

  edges.forEach(function (e, j) {
    var trig = e.type === "TRIGGERED";
    var el = svg("line", { "class": "edge " + e.type, "data-type": e.type });
    if (trig || e.type === "DESTINATION" || e.type === "ORIGIN") el.setAttribute("marker-end", trig ? "url(#arr-trig)" : "url(#arr)");
    var tt = svg("title", {});
    tt.textContent = e.type + (e.attrs.lag_days !== undefined ? " (" + e.attrs.lag_days + " days)" : "");
    el.appendChild(tt);
    gEdges.appendChild(el);
    edgeEls.push(el);
  });

  nodes.forEach(function (n, i) {
    var g = svg("g", { "class": "node", "data-id": n.id, "data-type": n.type, transform: "translate(" + x[i].toFixed(1) + "," + y[i].toFixed(1) + ")" });
    g.appendChild(shape(n, i));
    var tt = svg("title", {});
    tt.textContent = n.type + ": " + n.name;
    g.appendChild(tt);
    if (showLabels || BIG[n.type]) {
      var txt = svg("text", { x: 11, y: 4 }), en = english(n), ar = arabic(n);
      var t1 = svg("tspan", {});
      t1.textContent = en || "";
      txt.appendChild(t1);
      if (ar && ar !== en) {
        var t2 = svg("tspan", { dx: en ? 5 : 0, direction: "rtl", "unicode-bidi": "isolate", lang: "ar" });
        t2.textContent = ar;
        txt.appendChild(t2);
      }
      g.appendChild(txt);
    }
    g.addEventListener("click", function (ev) { ev.stopPropagation(); select(i); });
    gNodes.appendChild(g);
    nodeEls.push(g);
  });

  function placeEdges() {
    edges.forEach(function (e, j) {
      var el = edgeEls[j], x1 = x[e.s], y1 = y[e.s], x2 = x[e.t], y2 = y[e.t];
      var dx = x2 - x1, dy = y2 - y1, d = Math.sqrt(dx * dx + dy * dy) || 1, cut = el.hasAttribute("marker-end") ? 12 : 0;
      el.setAttribute("x1", x1.toFixed(1)); el.setAttribute("y1", y1.toFixed(1));
      el.setAttribute("x2", (x2 - dx / d * cut).toFixed(1)); el.setAttribute("y2", (y2 - dy / d * cut).toFixed(1));
    });
  }
  placeEdges();

  /* ---- pan and zoom ---- */
  var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (var b = 0; b < N; b++) { minX = Math.min(minX, x[b]); minY = Math.min(minY, y[b]); maxX = Math.max(maxX, x[b]); maxY = Math.max(maxY, y[b]); }
  if (!N) { minX = minY = 0; maxX = W; maxY = H; }
  var vb = { x: minX - 60, y: minY - 40, w: Math.max(200, maxX - minX + 220), h: Math.max(200, maxY - minY + 80) };
  function applyVB() { root.setAttribute("viewBox", [vb.x, vb.y, vb.w, vb.h].map(function (v) { return v.toFixed(1); }).join(" ")); }
  applyVB();
  root.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var rect = root.getBoundingClientRect(), f = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
    var px = vb.x + (ev.clientX - rect.left) / rect.width * vb.w, py = vb.y + (ev.clientY - rect.top) / rect.height * vb.h;
    vb.x = px - (px - vb.x) * f; vb.y = py - (py - vb.y) * f; vb.w *= f; vb.h *= f;
    applyVB();
  }, { passive: false });
  var drag = null;
  root.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y }; });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var rect = root.getBoundingClientRect();
    vb.x = drag.vx - (ev.clientX - drag.x) / rect.width * vb.w;
    vb.y = drag.vy - (ev.clientY - drag.y) / rect.height * vb.h;
    applyVB();
  });

  /* ---- legend = type filter ---- */
  var legend = document.getElementById("legend"), typeOn = {};
  legend.appendChild(h("strong", null, "Types"));
  data.types.forEach(function (t) {
    typeOn[t] = true;
    var row = h("div"), lab = h("label"), cb = h("input");
    cb.type = "checkbox"; cb.checked = true; cb.setAttribute("data-type", t);
    cb.addEventListener("change", function () { typeOn[t] = cb.checked; refresh(); });
    var sw = h("span", "sw"); sw.style.background = color(t);
    if (t === "BAN") sw.style.borderRadius = "0"; else if (t === "MIGRATION") sw.style.transform = "rotate(45deg)"; else if (t !== "ARTICLE") sw.style.borderRadius = "50%";
    lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(document.createTextNode(t));
    var count = nodes.filter(function (n) { return n.type === t; }).length;
    lab.appendChild(document.createTextNode(" (" + count + ")"));
    row.appendChild(lab); legend.appendChild(row);
  });
  var lines = [["TRIGGERED", "#e67e22", "7 4", "ban → migration it triggered"], ["DESTINATION", "#2471a3", "", "migration → destination"],
               ["ORIGIN", "#2471a3", "1 3", "migration → origin"], ["JURISDICTION", "#c0392b", "", "ban → place / authority"],
               ["MENTIONS", "#ccc", "", "article → entity"]];
  legend.appendChild(h("strong", null, "Links"));
  lines.forEach(function (l) {
    var row = h("div"), s = svg("svg", { width: 34, height: 10 });
    s.appendChild(svg("line", { x1: 1, y1: 5, x2: 33, y2: 5, stroke: l[1], "stroke-width": 2.5, "stroke-dasharray": l[2] }));
    row.appendChild(s); row.appendChild(document.createTextNode(" " + l[0] + ": " + l[3]));
    legend.appendChild(row);
  });

  /* ---- filters ---- */
  var q = document.getElementById("q"), sel = document.getElementById("country");
  var since = document.getElementById("since"), until = document.getElementById("until");
  data.countries.forEach(function (c) { var o = h("option", null, c); o.value = c; sel.appendChild(o); });
  var adj = nodes.map(function () { return []; });
  edges.forEach(function (e) { adj[e.s].push(e.t); adj[e.t].push(e.s); });
  var visible = new Array(N);

  function refresh() {
    var c = sel.value, lo = since.value.trim(), hi = until.value.trim(), evFilter = !!(c || lo || hi), ev = new Array(N);
    nodes.forEach(function (n, i) {
      if (n.label !== "Ban" && n.label !== "Migration") return;
      var ok = typeOn[n.type];
      if (ok && c) ok = n.countries.indexOf(c) >= 0;
      if (ok && (lo || hi)) ok = !!n.date && (!lo || n.date >= lo) && (!hi || n.date <= hi);
      ev[i] = ok;
    });
    nodes.forEach(function (n, i) {
      var ok;
      if (n.label === "Ban" || n.label === "Migration") ok = ev[i];
      else {
        ok = typeOn[n.type];
        if (ok && evFilter) ok = adj[i].some(function (j) { return ev[j]; }) || (!!c && n.label === "Entity" && n.countries.indexOf(c) >= 0);
      }
      visible[i] = !!ok;
      nodeEls[i].classList.toggle("hidden", !ok);
    });
    var shownE = 0;
    edges.forEach(function (e, j) { var ok = visible[e.s] && visible[e.t]; edgeEls[j].classList.toggle("hidden", !ok); if (ok) shownE++; });
    search();
    document.getElementById("shown").textContent = visible.filter(Boolean).length + " of " + N + " nodes, " + shownE + " of " + edges.length + " links";
  }
  function search() {
    var s = q.value.trim().toLowerCase();
    nodes.forEach(function (n, i) {
      var hit = !!s && [n.name, n.name_ar, n.name_en, n.id].some(function (v) { return v && String(v).toLowerCase().indexOf(s) >= 0; });
      nodeEls[i].classList.toggle("hit", hit);
      nodeEls[i].classList.toggle("dim", !!s && !hit);
    });
  }
  [sel, since, until].forEach(function (e) { e.addEventListener("change", refresh); e.addEventListener("input", refresh); });
  q.addEventListener("input", search);
  document.getElementById("reset").addEventListener("click", function () {
    q.value = ""; sel.value = ""; since.value = ""; until.value = "";
    legend.querySelectorAll("input[type=checkbox]").forEach(function (cb) { cb.checked = true; typeOn[cb.getAttribute("data-type")] = true; });
    refresh();
  });

  /* ---- side panel ---- */
  var details = document.getElementById("details"), current = -1;
  function nameBlock(n) {
    var hd = h("h2"), en = english(n), ar = arabic(n);
    if (en) hd.appendChild(document.createTextNode(en));
    if (ar && ar !== en) {
      if (en) hd.appendChild(document.createTextNode(" \u00b7 "));
      var bd = h("bdi", null, ar); bd.setAttribute("dir", "rtl"); bd.setAttribute("lang", "ar");
      hd.appendChild(bd);
    }
    if (!en && !ar) hd.textContent = n.name;
    return hd;
  }
  function articleLine(aid) {
    var a = data.articles[aid] || {}, p = h("div", "meta"), title = a.title || a.source || aid || "unknown article";
    p.appendChild(document.createTextNode("Source: "));
    var t = h("bdi", "art-title", title); t.setAttribute("dir", "auto");
    if (a.url && /^https?:\/\//i.test(a.url)) {
      var link = h("a"); link.href = a.url; link.rel = "noopener noreferrer"; link.target = "_blank";
      link.appendChild(t); p.appendChild(link);
    } else p.appendChild(t);
    if (a.source) { p.appendChild(document.createTextNode(" \u2014 ")); p.appendChild(h("code", "art-source", a.source)); }
    if (a.published) p.appendChild(document.createTextNode(" (" + a.published + ")"));
    return p;
  }
  function select(i) {
    if (current >= 0) nodeEls[current].classList.remove("sel");
    current = i; nodeEls[i].classList.add("sel");
    var n = nodes[i];
    details.textContent = "";
    details.appendChild(nameBlock(n));
    var badge = h("span", "badge", n.type); badge.style.background = color(n.type); details.appendChild(badge);
    var tb = h("table");
    Object.keys(n.attrs).sort().forEach(function (k) {
      var tr = h("tr"); tr.appendChild(h("td", null, k));
      var td = h("td"); td.setAttribute("dir", "auto"); td.textContent = String(n.attrs[k]); tr.appendChild(td);
      tb.appendChild(tr);
    });
    details.appendChild(tb);
    var a = n.attrs;
    if (n.label === "Article" && a.id) details.appendChild(articleLine(a.id));
    details.appendChild(h("h3", null, "Evidence (" + n.evidence.length + ")"));
    if (!n.evidence.length) details.appendChild(h("p", "hint", "No sentence recorded for this node."));
    n.evidence.forEach(function (e) {
      var box = h("div", "ev"), bq = h("blockquote", "sentence", e.sentence);
      bq.setAttribute("dir", "auto");
      box.appendChild(bq);
      var bits = [];
      if (e.via) bits.push(e.via);
      if (e.confidence !== undefined) bits.push("confidence " + e.confidence);
      if (e.lag_days !== undefined) bits.push("lag " + e.lag_days + " days");
      if (bits.length) box.appendChild(h("div", "meta", bits.join(" \u00b7 ")));
      if (e.reason) { var rs = h("div", "meta", "reason: " + e.reason); rs.setAttribute("dir", "auto"); box.appendChild(rs); }
      if (e.article) box.appendChild(articleLine(e.article));
      details.appendChild(box);
    });
    var panel = document.getElementById("panel");
    panel.scrollTop = details.offsetTop - panel.offsetTop;
  }
  root.addEventListener("click", function () { if (current >= 0) nodeEls[current].classList.remove("sel"); current = -1; });
  refresh();
  document.body.setAttribute("data-ready", "1");
})();
