// medvl workbench page: plain browser JavaScript, no libraries, talks only to this server's REST API.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { image: null, panels: {}, previewUrl: null, windowTimer: null, presets: {} };

function authHeaders(extra) {
  const h = Object.assign({}, extra || {});
  const t = $('token').value.trim();
  if (t) h['Authorization'] = 'Bearer ' + t;
  return h;
}

function status(message, isError) {
  const s = $('status');
  s.textContent = message || '';
  s.classList.toggle('error', !!isError);
}

async function api(path, options) {
  const opts = Object.assign({}, options || {});
  opts.headers = authHeaders(opts.headers);
  const res = await fetch(path, opts);
  if (!res.ok) {
    let msg = res.status + ' ' + res.statusText;
    try { const j = await res.json(); if (j.error) msg = j.error; } catch (e) { /* not JSON */ }
    if (res.status === 503 && res.headers.get('Retry-After')) msg += ' (retry in ' + res.headers.get('Retry-After') + ' s)';
    throw new Error(msg);
  }
  return res;
}

async function postJson(path, body) {
  const res = await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body || {}) });
  return res;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function bar(label, p) {
  const row = el('div', 'bar');
  row.appendChild(el('span', 'label', label));
  const track = el('div', 'track');
  const fill = el('div', 'fill');
  fill.style.width = Math.max(0, Math.min(100, p * 100)).toFixed(1) + '%';
  track.appendChild(fill);
  row.appendChild(track);
  row.appendChild(el('span', 'pct', (p * 100).toFixed(1) + '%'));
  return row;
}

async function loadModels() {
  const res = await api('/api/models');
  const info = await res.json();
  if (info.disclaimer) $('disclaimer').textContent = info.disclaimer;
  $('labels').value = info.defaultFindings.join('\n');
  state.presets = info.windowPresetValues || {};
  for (const p of info.windowPresets) $('preset').appendChild(new Option(p, p));
  for (const p of info.panels) {
    state.panels[p.panel] = p.enabled;
    const card = document.querySelector('[data-panel="' + p.panel + '"]');
    card.classList.toggle('off', !p.enabled);
    card.querySelector('.note').textContent = p.enabled ? 'Model: ' + p.model : p.note;
  }
  enableButtons();
}

function enableButtons() {
  const has = !!state.image;
  $('generate').disabled = !(has && state.panels.report);
  $('fhir').disabled = !(has && state.panels.report);
  $('ask').disabled = !(has && state.panels.vqa);
  $('findings-run').disabled = !(has && state.panels.findings);
  $('similar-run').disabled = !(has && state.panels.similar);
}

async function upload(file) {
  status('Uploading ' + file.name + ' ...');
  try {
    const res = await api('/api/images', { method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file });
    const img = await res.json();
    state.image = img;
    ['report', 'answer', 'findings', 'similar'].forEach((id) => { $(id).textContent = ''; });
    showInfo(img);
    setupWindow(img);
    await render();
    enableButtons();
    status('Uploaded ' + file.name + (img.deidentified ? ' (de-identified)' : ''));
  } catch (e) {
    status('Upload failed: ' + e.message, true);
  }
}

function showInfo(img) {
  const info = $('image-info');
  info.textContent = '';
  const parts = [img.format, img.width + ' x ' + img.height];
  if (img.modality) parts.push(img.modality);
  if (img.bodyPart) parts.push(img.bodyPart);
  if (img.deidentified) parts.push('de-identified');
  info.appendChild(el('div', '', parts.join(' · ')));
  for (const w of img.warnings || []) info.appendChild(el('div', 'warn', w));
}

function setupWindow(img) {
  const fs = $('window');
  fs.classList.toggle('hidden', !img.grey);
  if (!img.grey) return;
  const c = $('center');
  const w = $('width');
  const span = Math.max(img.windowWidth * 4, 256);
  c.min = Math.floor(img.windowCenter - span); c.max = Math.ceil(img.windowCenter + span);
  w.max = Math.ceil(span * 2);
  resetWindow();
}

function resetWindow() {
  const img = state.image;
  $('preset').value = '';
  $('center').value = Math.round(img.windowCenter);
  $('width').value = Math.max(1, Math.round(img.windowWidth));
  showWindowValues();
}

// Moves the sliders to a preset's centre and width (widening their ranges when the preset lies outside them).
function showPreset(name) {
  const p = state.presets[name];
  if (!p) return;
  const c = $('center');
  const w = $('width');
  c.min = Math.min(Number(c.min), Math.floor(p.center - p.width));
  c.max = Math.max(Number(c.max), Math.ceil(p.center + p.width));
  w.max = Math.max(Number(w.max), Math.ceil(p.width * 2));
  c.value = p.center;
  w.value = p.width;
}

function showWindowValues() {
  $('center-out').textContent = $('center').value;
  $('width-out').textContent = $('width').value;
}

function renderUrl() {
  const img = state.image;
  let q = 'size=768';
  if (img.grey) {
    const preset = $('preset').value;
    q += preset ? '&preset=' + encodeURIComponent(preset)
      : '&center=' + encodeURIComponent($('center').value) + '&width=' + encodeURIComponent($('width').value);
  }
  return '/api/images/' + img.id + '/render?' + q;
}

async function render() {
  const res = await api(renderUrl());
  const blob = await res.blob();
  if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
  state.previewUrl = URL.createObjectURL(blob);
  const p = $('preview');
  p.src = state.previewUrl;
  p.classList.remove('hidden');
}

function windowChanged() {
  showWindowValues();
  clearTimeout(state.windowTimer);
  state.windowTimer = setTimeout(() => render().catch((e) => status(e.message, true)), 120);
}

async function generate() {
  $('report').textContent = 'Generating ...';
  try {
    const r = await (await postJson('/api/images/' + state.image.id + '/report')).json();
    $('report').textContent = r.report;
    status('Report drafted by ' + r.model + ' (status: ' + r.status + ')');
  } catch (e) {
    $('report').textContent = '';
    status('Report failed: ' + e.message, true);
  }
}

async function downloadFhir() {
  try {
    const res = await postJson('/api/images/' + state.image.id + '/report?format=fhir');
    const blob = await res.blob();
    const a = el('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'DiagnosticReport-' + state.image.id + '.json';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  } catch (e) {
    status('FHIR export failed: ' + e.message, true);
  }
}

async function ask(ev) {
  ev.preventDefault();
  const q = $('question').value.trim();
  if (!q || !state.image) return;
  const out = $('answer');
  out.textContent = 'Thinking ...';
  try {
    const a = await (await postJson('/api/images/' + state.image.id + '/answer', { question: q })).json();
    out.textContent = '';
    const prob = a.probability === null ? '' : ' (' + (a.probability * 100).toFixed(1) + '%)';
    out.appendChild(el('div', 'answer-main', a.answer + prob));
    for (const alt of a.alternatives) out.appendChild(bar(alt.answer, alt.probability));
  } catch (e) {
    out.textContent = '';
    status('Question failed: ' + e.message, true);
  }
}

async function findings() {
  const labels = $('labels').value.split('\n').map((s) => s.trim()).filter((s) => s);
  const out = $('findings');
  out.textContent = 'Scoring ...';
  try {
    const r = await (await postJson('/api/images/' + state.image.id + '/findings', { labels })).json();
    out.textContent = '';
    for (const s of r.scores) out.appendChild(bar(s.label, s.probability));
  } catch (e) {
    out.textContent = '';
    status('Findings failed: ' + e.message, true);
  }
}

async function similar() {
  const out = $('similar');
  out.textContent = '';
  try {
    const r = await (await postJson('/api/images/' + state.image.id + '/similar?k=5')).json();
    for (const c of r.cases) {
      const li = el('li', '', (c.text || c.id) + '  [' + c.score.toFixed(3) + ', ' + c.dataset + ']');
      out.appendChild(li);
    }
    if (!r.cases.length) out.appendChild(el('li', '', 'no cases found'));
  } catch (e) {
    status('Similar cases failed: ' + e.message, true);
  }
}

function wire() {
  $('file').addEventListener('change', (e) => { if (e.target.files.length) upload(e.target.files[0]); });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault(); drop.classList.remove('over');
    if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
  $('center').addEventListener('input', () => { $('preset').value = ''; windowChanged(); });
  $('width').addEventListener('input', () => { $('preset').value = ''; windowChanged(); });
  $('preset').addEventListener('change', () => { showPreset($('preset').value); windowChanged(); });
  $('window-reset').addEventListener('click', () => { resetWindow(); windowChanged(); });
  $('generate').addEventListener('click', generate);
  $('fhir').addEventListener('click', downloadFhir);
  $('ask-form').addEventListener('submit', ask);
  $('findings-run').addEventListener('click', findings);
  $('similar-run').addEventListener('click', similar);
  $('token').addEventListener('change', () => loadModels().then(() => status('')).catch((e) => status(e.message, true)));
}

document.addEventListener('DOMContentLoaded', () => {
  wire();
  loadModels().catch((e) => {
    if (/token/i.test(e.message)) $('auth').classList.remove('hidden');
    status(e.message, true);
  });
});
