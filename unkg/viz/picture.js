// unkg's picture: a canvas of nodes whose places were computed by unkg (a time axis, one
// band per kind), drawn with the 2D canvas and nothing else, so the page opens offline and
// is usable as soon as it has drawn once. The data is the JSON in #unkg-data (see
// unkg/viz/page.py for its shape).
(function () {
  'use strict';
  const D = JSON.parse(document.getElementById('unkg-data').textContent);
  const N = D.nodes.length, M = D.edges.length;
  const ID = 0, KIND = 1, LABEL = 2, X = 3, Y = 4, DATE = 5, END = 6, NOTE = 7, BODY = 8, NAMES = 9;
  const nx = new Float64Array(N), ny = new Float64Array(N), year = new Float64Array(N);
  const index = new Map();
  D.nodes.forEach((n, i) => {
    nx[i] = n[X]; ny[i] = n[Y]; index.set(n[ID], i);
    year[i] = n[DATE] ? parseInt(n[DATE].slice(0, 4), 10) : NaN;
  });
  const es = new Int32Array(M), et = new Int32Array(M), er = new Int32Array(M);
  const out = Array.from({length: N}, () => []), inc = Array.from({length: N}, () => []);
  D.edges.forEach((e, j) => {
    es[j] = e[0]; et[j] = e[1]; er[j] = e[2];
    out[e[0]].push(j); inc[e[1]].push(j);
  });

  // what is shown ----------------------------------------------------------------------------
  const kindOn = D.kinds.map(() => true), relationOn = D.relations.map(() => true);
  const years = Array.from(year).filter((y) => !isNaN(y));
  const firstYear = years.length ? Math.min(...years) : 0, lastYear = years.length ? Math.max(...years) : 0;
  const filter = {from: firstYear, to: lastYear, undated: true, body: -2};
  const nodeOn = new Uint8Array(N), edgeOn = new Uint8Array(M);
  let marked = null;  // Uint8Array of highlighted nodes, or null
  let selected = -1, hovered = -1, markedFrom = -1;

  function refilter() {
    let nodes = 0, edges = 0;
    for (let i = 0; i < N; i++) {
      const n = D.nodes[i];
      let on = kindOn[n[KIND]];
      if (on && isNaN(year[i])) on = filter.undated;
      else if (on) on = year[i] >= filter.from && year[i] <= filter.to;
      if (on && filter.body !== -2 && D.kinds[n[KIND]].key === 'resolution') on = n[BODY] === filter.body;
      nodeOn[i] = on ? 1 : 0; nodes += nodeOn[i];
    }
    const perRelation = D.relations.map(() => 0);
    for (let j = 0; j < M; j++) {
      edgeOn[j] = relationOn[er[j]] && nodeOn[es[j]] && nodeOn[et[j]] ? 1 : 0;
      edges += edgeOn[j];
      if (nodeOn[es[j]] && nodeOn[et[j]]) perRelation[er[j]]++;
    }
    perRelation.forEach((c, r) => { const el = document.getElementById('rel-count-' + r); if (el) el.textContent = c; });
    document.body.dataset.nodes = String(nodes);
    document.body.dataset.edges = String(edges);
    if (marked && markedFrom >= 0) mark(markedFrom, marked.direction);
    draw();
  }

  // view: screen = world * k + t (CSS pixels) -------------------------------------------------
  const stage = document.getElementById('stage'), canvas = document.getElementById('canvas');
  const ctx = canvas.getContext('2d');
  let W = 0, H = 0, dpr = 1, k = 1, tx = 0, ty = 0;
  const AXIS = 22, GUTTER = 8;
  const world = D.bounds;  // [left, top, right, bottom]

  function resize() {
    const box = stage.getBoundingClientRect();
    W = Math.max(1, box.width); H = Math.max(1, box.height); dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
    canvas.style.width = W + 'px'; canvas.style.height = H + 'px';
  }
  function fit() {
    const w = world[2] - world[0] + 160, h = world[3] - world[1] + 40;
    k = Math.min((W - 2 * GUTTER) / w, (H - AXIS - 2 * GUTTER) / h, 2);
    tx = GUTTER + 120 * k - world[0] * k + Math.max(0, (W - 2 * GUTTER - w * k) / 2);
    ty = AXIS + GUTTER - world[1] * k + 10 * k;
  }
  function zoomAt(factor, sx, sy) {
    const next = Math.min(8, Math.max(0.02, k * factor));
    tx = sx - (sx - tx) * (next / k); ty = sy - (sy - ty) * (next / k); k = next;
    draw();
  }
  function centre(i, atLeast) {
    if (atLeast && k < atLeast) k = atLeast;
    tx = W / 2 - nx[i] * k; ty = H / 2 - ny[i] * k;
  }

  // drawing ----------------------------------------------------------------------------------
  const FONT = 11;
  const colourOfKind = D.kinds.map((c) => c.colour), shapeOfKind = D.kinds.map((c) => c.shape);
  const colourOfRelation = D.relations.map((r) => r.colour);
  let pending = false;
  const edgeAlpha = Math.min(0.7, Math.max(0.12, 12 / Math.sqrt(Math.max(1, M))));
  function draw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; paint(); });
  }
  function radius() { return Math.min(7, Math.max(2.5, 5 * k)); }
  function labelsShown() { return FONT * k >= 7.5; }

  function paint() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, W, H);
    const left = -tx / k, right = (W - tx) / k, top = -ty / k, bottom = (H - ty) / k;
    // bands and the undated column
    D.bands.forEach((b, i) => {
      ctx.fillStyle = i % 2 ? '#ffffff' : '#f6f7f9';
      ctx.fillRect(0, b[1] * k + ty - 6, W, (b[2] - b[1]) * k + 12);
    });
    if (D.undated) {
      ctx.fillStyle = 'rgba(120,120,120,0.07)';
      ctx.fillRect(D.undated[0] * k + tx, 0, (D.undated[1] - D.undated[0]) * k, H);
    }
    // years: a line at each year that leaves 40 px after the one before (years are as
    // wide as the number of things dated in them, so the steps vary)
    const shownYears = [];
    let lastX = -Infinity;
    for (const [y, x] of D.years) {
      const sx = x * k + tx;
      if (sx - lastX >= 40) { shownYears.push([y, sx]); lastX = sx; }
    }
    ctx.strokeStyle = '#e4e4e4'; ctx.lineWidth = 1; ctx.beginPath();
    for (const [, sx] of shownYears) { ctx.moveTo(Math.round(sx) + 0.5, AXIS); ctx.lineTo(Math.round(sx) + 0.5, H); }
    ctx.stroke();
    // links, one path per relation; highlighted ones over the rest
    const r = radius();
    const arrows = k >= 0.3;
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 1 && !marked) break;
      for (let rel = 0; rel < D.relations.length; rel++) {
        if (!relationOn[rel]) continue;
        ctx.strokeStyle = colourOfRelation[rel]; ctx.fillStyle = colourOfRelation[rel];
        ctx.globalAlpha = pass === 1 ? 0.95 : (marked ? 0.06 : edgeAlpha);
        ctx.lineWidth = pass === 1 ? 2 : 1;
        ctx.beginPath();
        const heads = [];
        for (let j = 0; j < M; j++) {
          if (er[j] !== rel || !edgeOn[j]) continue;
          const a = es[j], b = et[j];
          const hot = marked && marked[a] && marked[b];
          if ((pass === 1) !== Boolean(hot)) continue;
          const x1 = nx[a] * k + tx, y1 = ny[a] * k + ty, x2 = nx[b] * k + tx, y2 = ny[b] * k + ty;
          if ((x1 < 0 && x2 < 0) || (x1 > W && x2 > W) || (y1 < 0 && y2 < 0) || (y1 > H && y2 > H)) continue;
          ctx.moveTo(x1, y1); ctx.lineTo(x2, y2);
          if (arrows) heads.push(x1, y1, x2, y2);
        }
        ctx.stroke();
        if (heads.length) {
          ctx.beginPath();
          for (let h = 0; h < heads.length; h += 4) arrowHead(heads[h], heads[h + 1], heads[h + 2], heads[h + 3], r);
          ctx.fill();
        }
      }
    }
    ctx.globalAlpha = 1;
    // nodes
    const showLabels = labelsShown();
    ctx.lineWidth = 1;
    for (let i = 0; i < N; i++) {
      if (!nodeOn[i]) continue;
      const sx = nx[i] * k + tx, sy = ny[i] * k + ty;
      if (sx < -300 || sx > W + 10 || sy < -10 || sy > H + 10) continue;
      const kind = D.nodes[i][KIND];
      ctx.globalAlpha = marked && !marked[i] ? 0.18 : 1;
      ctx.fillStyle = colourOfKind[kind];
      shape(shapeOfKind[kind], sx, sy, r);
      ctx.fill();
    }
    // labels: all of them when they are big enough to read, else the ones that matter
    ctx.textBaseline = 'middle';
    const size = Math.min(15, FONT * k);
    ctx.font = size + 'px system-ui,sans-serif';
    ctx.fillStyle = '#222';
    for (let i = 0; i < N; i++) {
      if (!nodeOn[i]) continue;
      const important = i === selected || i === hovered || (marked && marked[i] && countMarked < 60);
      if (!showLabels && !important) continue;
      const sx = nx[i] * k + tx, sy = ny[i] * k + ty;
      if (sx < -300 || sx > W || sy < -10 || sy > H + 10) continue;
      ctx.globalAlpha = marked && !marked[i] ? 0.3 : 1;
      if (important && !showLabels) {
        ctx.font = '11px system-ui,sans-serif';
        const w = ctx.measureText(D.nodes[i][LABEL]).width;
        ctx.fillStyle = 'rgba(255,255,255,0.85)'; ctx.fillRect(sx + r + 2, sy - 7, w + 4, 14);
        ctx.fillStyle = '#222'; ctx.fillText(D.nodes[i][LABEL], sx + r + 4, sy);
        ctx.font = size + 'px system-ui,sans-serif';
      } else {
        ctx.fillText(D.nodes[i][LABEL], sx + r + 3, sy);
      }
    }
    ctx.globalAlpha = 1;
    for (const i of [selected, hovered]) {
      if (i < 0 || !nodeOn[i]) continue;
      ctx.strokeStyle = '#111'; ctx.lineWidth = 2;
      shape('circle', nx[i] * k + tx, ny[i] * k + ty, r + 4); ctx.stroke();
    }
    // the axis and the band names stay on screen
    ctx.fillStyle = 'rgba(255,255,255,0.92)'; ctx.fillRect(0, 0, W, AXIS);
    ctx.strokeStyle = '#ccc'; ctx.beginPath(); ctx.moveTo(0, AXIS + 0.5); ctx.lineTo(W, AXIS + 0.5); ctx.stroke();
    ctx.fillStyle = '#555'; ctx.font = '11px system-ui,sans-serif'; ctx.textBaseline = 'middle';
    for (const [y, sx] of shownYears) if (sx > -40 && sx < W) ctx.fillText(String(y), sx + 3, AXIS / 2);
    if (D.undated) {
      const sx = D.undated[0] * k + tx;
      if (sx > -60 && sx < W) ctx.fillText('undated', Math.max(sx + 3, 3), AXIS / 2);
    }
    ctx.font = '600 11px system-ui,sans-serif';
    for (const b of D.bands) {
      // above its band, in the gap between two bands; kept on screen while the band is
      const sy = Math.max(b[1] * k + ty - 14, AXIS + 9);
      if (sy > b[2] * k + ty || sy > H) continue;
      const w = ctx.measureText(b[0]).width;
      ctx.fillStyle = 'rgba(255,255,255,0.85)'; ctx.fillRect(2, sy - 7, w + 8, 14);
      ctx.fillStyle = '#333'; ctx.fillText(b[0], 6, sy);
    }
    void left; void right; void top; void bottom;
  }
  let countMarked = 0;

  function arrowHead(x1, y1, x2, y2, r) {
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy);
    if (len < 2 * r + 4) return;
    const ux = dx / len, uy = dy / len, bx = x2 - ux * (r + 1), by = y2 - uy * (r + 1), s = 6;
    ctx.moveTo(bx, by);
    ctx.lineTo(bx - ux * s - uy * s * 0.5, by - uy * s + ux * s * 0.5);
    ctx.lineTo(bx - ux * s + uy * s * 0.5, by - uy * s - ux * s * 0.5);
    ctx.closePath();
  }
  function shape(name, x, y, r) {
    ctx.beginPath();
    if (name === 'diamond') {
      ctx.moveTo(x, y - r * 1.25); ctx.lineTo(x + r * 1.25, y); ctx.lineTo(x, y + r * 1.25); ctx.lineTo(x - r * 1.25, y);
      ctx.closePath();
    } else if (name === 'square') {
      ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
    } else if (name === 'triangle') {
      ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x + r * 1.1, y + r * 0.8); ctx.lineTo(x - r * 1.1, y + r * 0.8); ctx.closePath();
    } else if (name === 'hexagon') {
      for (let a = 0; a < 6; a++) {
        const t = Math.PI / 3 * a;
        if (a) ctx.lineTo(x + r * Math.cos(t), y + r * Math.sin(t)); else ctx.moveTo(x + r, y);
      }
      ctx.closePath();
    } else if (name === 'star') {
      for (let a = 0; a < 10; a++) {
        const t = -Math.PI / 2 + Math.PI / 5 * a, rr = a % 2 ? r * 0.5 : r * 1.3;
        if (a) ctx.lineTo(x + rr * Math.cos(t), y + rr * Math.sin(t)); else ctx.moveTo(x + rr * Math.cos(t), y + rr * Math.sin(t));
      }
      ctx.closePath();
    } else {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
  }

  // finding a node under the pointer ---------------------------------------------------------
  const widths = new Float64Array(N).fill(-1);
  function nodeAt(sx, sy) {
    const r = radius() + 3, showLabels = labelsShown();
    let best = -1, bestDistance = Infinity;
    if (showLabels) ctx.font = Math.min(15, FONT * k) + 'px system-ui,sans-serif';
    for (let i = 0; i < N; i++) {
      if (!nodeOn[i]) continue;
      const x = nx[i] * k + tx, y = ny[i] * k + ty, d = Math.hypot(sx - x, sy - y);
      if (d <= r && d < bestDistance) { best = i; bestDistance = d; continue; }
      if (showLabels && sx > x && Math.abs(sy - y) <= Math.max(6, FONT * k / 2)) {
        if (widths[i] < 0) widths[i] = ctx.measureText(D.nodes[i][LABEL]).width / k;
        if (sx <= x + r + widths[i] * k + 3 && bestDistance > r + 1) { best = i; bestDistance = r + 1; }
      }
    }
    return best;
  }

  // ancestors and descendants ----------------------------------------------------------------
  function mark(i, direction) {
    const seen = new Uint8Array(N);
    seen[i] = 1;
    const queue = [i];
    while (queue.length) {
      const a = queue.pop();
      for (const j of direction === 'up' ? out[a] : inc[a]) {
        if (!edgeOn[j]) continue;
        const b = direction === 'up' ? et[j] : es[j];
        if (!seen[b]) { seen[b] = 1; queue.push(b); }
      }
    }
    marked = seen; marked.direction = direction; markedFrom = i;
    countMarked = seen.reduce((a, b) => a + b, 0);
    document.body.dataset.marked = String(countMarked - 1);
    return countMarked - 1;
  }
  function unmark() { marked = null; markedFrom = -1; countMarked = 0; delete document.body.dataset.marked; }

  // the side panel ---------------------------------------------------------------------------
  const panel = document.getElementById('panel'), tip = document.getElementById('tip');
  const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
  function words(name) { return name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase(); }
  function esc(s) { return String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c])); }
  function lang(s) { return ARABIC.test(s) ? ' lang="ar" dir="rtl"' : ' dir="auto"'; }
  function labelOf(iri) { const i = index.get(iri); return i !== undefined ? D.nodes[i][LABEL] : (D.labels[iri] || iri); }
  function link(iri, text) {
    const known = index.has(iri) || D.facts[iri];
    const shown = esc(text === undefined ? labelOf(iri) : text);
    return known ? `<a data-iri="${esc(iri)}"${lang(shown)}>${shown}</a>` : `<span${lang(shown)}>${shown}</span>`;
  }
  function evidenceFor(subject, relation, object) {
    return (D.evidence[subject] || []).filter((e) => e[0] === relation && (object === null || e[1] === object));
  }
  function quote(e) {
    const paragraph = e[3] ? e[3].split('#').pop() : '';
    return `<span class="quote"${lang(e[6])}>${esc(e[6])}</span><span class="where">${esc(e[2] || '')} · ${esc(paragraph)} · characters ${esc(e[4])}–${esc(e[5])}</span>`;
  }
  function show(iri) {
    const i = index.has(iri) ? index.get(iri) : -1;
    let html = '';
    if (i >= 0) {
      const n = D.nodes[i], kind = D.kinds[n[KIND]];
      html += `<h2 class="node"${lang(n[LABEL])}>${esc(n[LABEL])}</h2><div class="kind">${swatch(n[KIND])} ${esc(kind.label)}</div>`;
      for (const name of n[NAMES]) html += `<div${lang(name)}>${esc(name)}</div>`;
      html += '<table>';
      if (n[DATE]) html += `<tr><td>${kind.key === 'resolution' ? 'adopted' : 'date'}</td><td>${esc(n[DATE])}${n[END] && n[END] !== n[DATE] ? ' – ' + esc(n[END]) : ''}${n[NOTE] ? ' <span class="where">(' + esc(n[NOTE]) + ')</span>' : ''}</td></tr>`;
      else html += '<tr><td>date</td><td>not stated</td></tr>';
      if (n[BODY] >= 0) html += `<tr><td>body</td><td>${esc(D.bodies[n[BODY]])}</td></tr>`;
      html += '</table><div class="actions"><button data-do="up">ancestors</button><button data-do="down">descendants</button><button data-do="clear">clear</button></div>';
      html += `<div id="marked-count"></div><div class="iri">${esc(iri)}</div>`;
      html += links(i);
    } else {
      html += `<h2 class="node"${lang(labelOf(iri))}>${esc(labelOf(iri))}</h2><div class="kind">not drawn</div><div class="iri">${esc(iri)}</div>`;
    }
    html += facts(iri);
    const own = D.evidence[iri] || [];
    if (own.length) {
      html += '<h2>evidence</h2><ul class="links">';
      for (const e of own) html += `<li>${esc(words(e[0]))} ${e[1] && e[1].startsWith('http') ? link(e[1]) : esc(e[1] || '')}${quote(e)}</li>`;
      html += '</ul>';
    }
    panel.innerHTML = html;
    panel.scrollTop = 0;
  }
  function links(i) {
    let html = '';
    const groups = [['links from it', out[i], et, true], ['links to it', inc[i], es, false]];
    for (const [title, list, other, outgoing] of groups) {
      if (!list.length) continue;
      html += `<h2>${title} (${list.length})</h2><ul class="links">`;
      const sorted = list.slice().sort((a, b) => er[a] - er[b] || D.nodes[other[a]][LABEL].localeCompare(D.nodes[other[b]][LABEL]));
      for (const j of sorted.slice(0, 300)) {
        const rel = D.relations[er[j]], o = D.nodes[other[j]][ID];
        const via = D.edges[j][3];
        const source = outgoing ? D.nodes[i][ID] : o, target = outgoing ? o : D.nodes[i][ID];
        const found = via ? (D.evidence[via] || []) : evidenceFor(source, rel.key, target);
        html += `<li><span style="color:${rel.colour}">■</span> ${esc(rel.label)} ${outgoing ? '→' : '←'} ${link(o)}`;
        const quoted = new Set();  // an office's facts share one quote: show it once
        for (const e of found) {
          const key = e[2] + ' ' + e[4] + ' ' + e[5];
          if (quoted.has(key) || quoted.size >= 3) continue;
          quoted.add(key);
          html += quote(e);
        }
        html += '</li>';
      }
      if (list.length > 300) html += `<li>… ${list.length - 300} more</li>`;
      html += '</ul>';
    }
    return html;
  }
  function facts(iri) {
    const rows = D.facts[iri];
    if (!rows || !rows.length) return '';
    let html = '<h2>facts</h2><table>';
    for (const [p, value, ref] of rows) {
      html += `<tr><td>${esc(p)}</td><td>${ref ? link(ref, value) : `<span${lang(value)}>${esc(value)}</span>`}</td></tr>`;
    }
    return html + '</table>';
  }
  function swatch(kind) {
    return `<svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">${svgShape(shapeOfKind[kind], colourOfKind[kind])}</svg>`;
  }
  function svgShape(name, colour) {
    const r = 5;
    if (name === 'diamond') return `<polygon points="0,-6 6,0 0,6 -6,0" fill="${colour}"/>`;
    if (name === 'square') return `<rect x="-4.5" y="-4.5" width="9" height="9" fill="${colour}"/>`;
    if (name === 'triangle') return `<polygon points="0,-6 5.5,4 -5.5,4" fill="${colour}"/>`;
    if (name === 'hexagon') return `<polygon points="5,0 2.5,4.3 -2.5,4.3 -5,0 -2.5,-4.3 2.5,-4.3" fill="${colour}"/>`;
    if (name === 'star') return `<polygon points="0,-6.5 1.5,-2 6,-2 2.4,0.8 3.7,5.3 0,2.6 -3.7,5.3 -2.4,0.8 -6,-2 -1.5,-2" fill="${colour}"/>`;
    return `<circle r="${r}" fill="${colour}"/>`;
  }
  function select(i, move) {
    selected = i;
    if (i >= 0) {
      show(D.nodes[i][ID]);
      document.body.dataset.selected = D.nodes[i][ID];
      if (move) centre(i, 1.2);
    }
    draw();
  }
  panel.addEventListener('click', (event) => {
    const target = event.target.closest('[data-iri],[data-do]');
    if (!target) return;
    if (target.dataset.iri) {
      const i = index.get(target.dataset.iri);
      if (i !== undefined) select(i, true); else show(target.dataset.iri);
      return;
    }
    if (selected < 0) return;
    const what = target.dataset.do;
    if (what === 'clear') unmark();
    else {
      const count = mark(selected, what);
      const line = document.getElementById('marked-count');
      if (line) line.textContent = `${count} ${what === 'up' ? 'ancestors: what it refers to, step by step' : 'descendants: what refers to it, step by step'}`;
    }
    draw();
  });

  // the legend: kinds and relations, each a filter -------------------------------------------
  const legend = document.getElementById('legend');
  (function buildLegend() {
    let html = '<h2>kinds</h2>';
    D.kinds.forEach((c, n) => {
      const count = D.nodes.filter((x) => x[KIND] === n).length;
      html += `<label class="kind" data-kind="${esc(c.key)}"><input type="checkbox" data-kind-index="${n}" checked>${swatch(n)}<span>${esc(c.label)}</span><span class="count">${count}</span></label>`;
    });
    html += '<h2>links</h2>';
    D.relations.forEach((r, n) => {
      html += `<label class="relation" data-relation="${esc(r.key)}"><input type="checkbox" data-relation-index="${n}" checked><svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="16" y2="5" stroke="${r.colour}" stroke-width="2.5"/><polygon points="15,1 21,5 15,9" fill="${r.colour}"/></svg><span>${esc(r.label)}</span><span class="count" id="rel-count-${n}"></span></label>`;
    });
    html += `<p>x: ${esc(D.axis)}. Undated nodes stand in the column on the left.</p>`;
    legend.innerHTML = html;
    legend.addEventListener('change', (event) => {
      const box = event.target;
      if (box.dataset.kindIndex !== undefined) kindOn[+box.dataset.kindIndex] = box.checked;
      if (box.dataset.relationIndex !== undefined) relationOn[+box.dataset.relationIndex] = box.checked;
      refilter();
    });
  })();

  // the bar: search, years, body -------------------------------------------------------------
  const search = document.getElementById('search'), message = document.getElementById('message');
  const fromBox = document.getElementById('from'), toBox = document.getElementById('to');
  const bodies = document.getElementById('bodies');
  fromBox.value = firstYear; toBox.value = lastYear;
  fromBox.min = toBox.min = firstYear; fromBox.max = toBox.max = lastYear;
  D.bodies.forEach((b, n) => { bodies.insertAdjacentHTML('beforeend', `<option value="${n}">${esc(b)}</option>`); });
  bodies.insertAdjacentHTML('beforeend', '<option value="-1">not stated</option>');
  if (!D.bodies.length) bodies.parentElement.style.display = 'none';
  if (!years.length) fromBox.parentElement.style.display = 'none';
  const list = document.getElementById('symbols');
  if (N <= 20000) {
    list.innerHTML = D.nodes.map((n) => `<option value="${esc(n[LABEL])}">`).join('');
  }
  const squash = (s) => s.toLowerCase().replace(/\s+/g, '');
  function find(text) {
    const wanted = squash(text);
    if (!wanted) return -1;
    let prefix = -1, part = -1;
    for (let i = 0; i < N; i++) {
      const label = squash(D.nodes[i][LABEL]);
      if (label === wanted) return i;
      if (prefix < 0 && label.startsWith(wanted)) prefix = i;
      if (part < 0 && label.includes(wanted)) part = i;
    }
    return prefix >= 0 ? prefix : part;
  }
  function go() {
    const i = find(search.value);
    if (i < 0) { message.textContent = search.value ? `no node named ${search.value}` : ''; return; }
    message.textContent = '';
    if (!nodeOn[i]) message.textContent = 'filtered out: shown as the filters allow';
    search.blur();  // closes the suggestions; the panel now shows the node
    select(i, true);
  }
  search.addEventListener('change', go);
  search.addEventListener('keydown', (event) => { if (event.key === 'Enter') go(); });
  function years_changed() {
    const a = parseInt(fromBox.value, 10), b = parseInt(toBox.value, 10);
    filter.from = isNaN(a) ? firstYear : a; filter.to = isNaN(b) ? lastYear : b;
    refilter();
  }
  fromBox.addEventListener('input', years_changed); toBox.addEventListener('input', years_changed);
  document.getElementById('undated').addEventListener('change', (event) => { filter.undated = event.target.checked; refilter(); });
  bodies.addEventListener('change', () => { filter.body = bodies.value === '' ? -2 : parseInt(bodies.value, 10); refilter(); });
  document.getElementById('fit').addEventListener('click', () => { fit(); draw(); });
  document.getElementById('zoom-in').addEventListener('click', () => zoomAt(1.4, W / 2, H / 2));
  document.getElementById('zoom-out').addEventListener('click', () => zoomAt(1 / 1.4, W / 2, H / 2));

  // pointer ----------------------------------------------------------------------------------
  let drag = null;
  function local(event) { const box = canvas.getBoundingClientRect(); return [event.clientX - box.left, event.clientY - box.top]; }
  canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    const [sx, sy] = local(event);
    zoomAt(Math.exp(-event.deltaY * (event.deltaMode ? 0.05 : 0.0015)), sx, sy);
  }, {passive: false});
  canvas.addEventListener('pointerdown', (event) => {
    const [sx, sy] = local(event);
    drag = {sx, sy, tx, ty, moved: false};
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', (event) => {
    const [sx, sy] = local(event);
    if (drag) {
      if (Math.abs(sx - drag.sx) + Math.abs(sy - drag.sy) > 3) { drag.moved = true; stage.classList.add('dragging'); }
      if (drag.moved) { tx = drag.tx + sx - drag.sx; ty = drag.ty + sy - drag.sy; tip.style.display = 'none'; draw(); }
      return;
    }
    const i = nodeAt(sx, sy);
    if (i !== hovered) { hovered = i; draw(); }
    if (i < 0) { tip.style.display = 'none'; return; }
    const n = D.nodes[i];
    tip.innerHTML = `<b${lang(n[LABEL])}>${esc(n[LABEL])}</b> <span class="where">${esc(D.kinds[n[KIND]].label)}${n[DATE] ? ' · ' + esc(n[DATE]) : ''}</span>` +
      n[NAMES].slice(0, 2).map((x) => `<div class="name"${lang(x)}>${esc(x)}</div>`).join('');
    tip.style.display = 'block';
    const box = stage.getBoundingClientRect();
    tip.style.left = Math.min(box.left + sx + 14, window.innerWidth - 430) + 'px';
    tip.style.top = (box.top + sy + 14) + 'px';
  });
  canvas.addEventListener('pointerup', (event) => {
    const [sx, sy] = local(event);
    const was = drag;
    drag = null; stage.classList.remove('dragging');
    if (was && !was.moved) {
      const i = nodeAt(sx, sy);
      if (i >= 0) select(i, false);
      else { selected = -1; delete document.body.dataset.selected; draw(); }
    }
  });
  canvas.addEventListener('pointerleave', () => { tip.style.display = 'none'; if (hovered >= 0) { hovered = -1; draw(); } });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { unmark(); selected = -1; delete document.body.dataset.selected; draw(); }
  });
  window.addEventListener('resize', () => { resize(); draw(); });

  // for tests and for people who script the page
  window.unkgPicture = {
    positions: () => D.nodes.map((n, i) => [n[ID], nx[i], ny[i]]),
    screen: (iri) => { const i = index.get(iri); return [nx[i] * k + tx, ny[i] * k + ty]; },
    select: (iri) => select(index.get(iri), true),
    mark: (iri, direction) => mark(index.get(iri), direction),
    view: () => ({k, tx, ty}),
  };

  resize();
  fit();
  refilter();
  paint();
  requestAnimationFrame(() => { document.body.dataset.interactive = performance.now().toFixed(0); });
})();
