// Alipay response preview — webview side. Messages: src/extension/preview/protocol.ts.
// Everything shown comes from untrusted responses: it is put on the page only
// with createElement/textContent (never innerHTML, never as a URL or handler).
// @ts-check
(function () {
  'use strict';
  /* global performance, requestAnimationFrame */
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const PAGE = 200; // rows per "show more": keeps first paint fast on 2,500-row statements
  const FIRST_FILL = 50; // rows in the first frame (more than a screen); the page fills up right after it
  /** @type {Array<() => void>} work deferred until the first frame has been painted */
  let afterPaint = [];

  /** @type {Record<string,string>} */
  let S = {};
  let lang = 'en';

  /** @param {string} k */
  const s = (k) => (Object.prototype.hasOwnProperty.call(S, k) ? S[k] : k);
  /** @param {{en:string,zh:string}|undefined} t */
  const tx = (t) => (t && typeof t === 'object' ? String(lang === 'zh' ? t.zh : t.en) : '');

  /**
   * @param {string} tag
   * @param {string} [cls]
   * @param {string} [text]
   */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** @param {HTMLElement} parent @param {string} title @param {string} id */
  function section(parent, title, id) {
    const sec = el('section', 'section');
    sec.id = id;
    sec.appendChild(el('h2', undefined, title));
    parent.appendChild(sec);
    return sec;
  }

  function verdictClass(v) {
    return v === 'valid' ? 'ok' : v === 'invalid' || v === 'error' ? 'bad' : 'warn';
  }

  /** The outcome first: trade_status (or the error code), out_trade_no, profile and time, before any long table. */
  function outcomeFacts(m, profile) {
    const find = (name) => (m.fields || []).concat(m.request || []).find((f) => f.name === name);
    const facts = el('div', 'facts');
    facts.id = 'outcome';
    const status = find('trade_status');
    const add = (label, value) => {
      if (!value) return;
      const span = el('span', 'fact');
      span.appendChild(el('span', 'factName', label + ' '));
      span.appendChild(el('code', undefined, value));
      facts.appendChild(span);
    };
    if (m.error) add('error', m.error.code);
    else if (status) add('trade_status', status.raw + (status.meaning ? ' (' + tx(status.meaning) + ')' : ''));
    add('out_trade_no', find('out_trade_no') && find('out_trade_no').raw);
    add(s('sig.profile'), profile);
    add('⏱', new Date().toLocaleTimeString());
    return facts;
  }

  function renderBanner(parent, m, profile) {
    const st = m.status || {};
    const cls = st.success === true ? 'ok' : st.success === false ? 'bad' : 'info';
    const b = el('section', 'banner ' + cls);
    b.id = 'status';
    b.setAttribute('role', 'status');
    const kind = el('div', 'kind', s('kind.' + m.kind) + (m.service ? ' · ' + m.service : '') + ' · ' + m.charset);
    b.appendChild(kind);
    b.appendChild(el('div', 'title', tx(st.title)));
    b.appendChild(outcomeFacts(m, profile));
    if (st.detail) b.appendChild(el('div', 'detail', tx(st.detail)));
    // Charset mismatch, control/bidi characters (shown escaped), omitted columns: said before the values.
    if (Array.isArray(m.warnings)) for (const w of m.warnings) b.appendChild(el('div', 'warning', '⚠ ' + tx(w)));
    if (m.error) {
      const e = m.error;
      const box = el('div', 'error');
      box.appendChild(el('code', 'code', e.code));
      if (e.entry) {
        box.appendChild(el('span', 'level', ' ' + s('level.' + e.entry.level)));
        box.appendChild(el('div', 'meaning', tx(e.entry.meaning)));
        // A meaning the catalog could not source is flagged, as in hover and `explain`.
        if (e.entry.source === 'inferred') box.appendChild(el('div', 'inferred', s('inferredNote')));
        if (Array.isArray(e.entry.check) && e.entry.check.length) {
          box.appendChild(el('div', 'checkTitle', s('whatToCheck')));
          const ul = el('ul', 'checks');
          for (const c of e.entry.check) ul.appendChild(el('li', undefined, tx(c)));
          box.appendChild(ul);
        }
      } else {
        box.appendChild(el('div', 'meaning', s('unknownCode')));
      }
      if (e.message) box.appendChild(el('div', 'message', e.message));
      b.appendChild(box);
    }
    parent.appendChild(b);
  }

  function kv(dl, name, valueNode) {
    dl.appendChild(el('dt', undefined, name));
    const dd = el('dd');
    if (typeof valueNode === 'string') dd.textContent = valueNode;
    else dd.appendChild(valueNode);
    dl.appendChild(dd);
  }

  function renderSignature(parent, sig, profile) {
    const sec = section(parent, s('section.signature'), 'signature');
    const badge = el('div', 'verdict ' + verdictClass(sig.verdict), s('verdict.' + sig.verdict));
    sec.appendChild(badge);
    const dl = el('dl', 'kv');
    if (sig.type) kv(dl, s('sig.type'), sig.type);
    kv(dl, s('sig.charset'), sig.charset);
    if (profile) kv(dl, s('sig.profile'), profile);
    if (sig.certSn) kv(dl, s('sig.certSn'), el('code', 'mono', sig.certSn));
    if (sig.reason) kv(dl, s('sig.reason'), tx(sig.reason));
    if (sig.certWarning) sec.appendChild(el('div', 'warning', '⚠ ' + tx(sig.certWarning)));
    if (sig.note) kv(dl, sig.inferred ? s('sig.ruleInferred') : s('sig.rule'), tx(sig.note));
    if (sig.value) kv(dl, s('sig.value'), el('code', 'mono', sig.value));
    sec.appendChild(dl);
    if (sig.content !== undefined) {
      sec.appendChild(el('div', 'subhead', s('sig.content')));
      sec.appendChild(el('pre', 'content', sig.content));
    }
    if (sig.verdict === 'noKey') {
      const btn = el('button', 'secondary', s('setKey'));
      btn.addEventListener('click', () => vscode.postMessage({ type: 'setKey' }));
      sec.appendChild(btn);
    }
  }

  function valueCell(f) {
    const td = el('td', 'value');
    td.appendChild(el('span', 'raw', f.raw));
    if (f.unsafe) {
      td.classList.add('unsafe');
      td.appendChild(el('span', 'unsafe-mark', ' ⚠'));
    }
    if (f.recognised && f.recognised.type === 'amount') td.classList.add('amount');
    if (f.meaning) td.appendChild(el('div', 'meaning', tx(f.meaning)));
    if (f.note) td.appendChild(el('div', 'note', tx(f.note)));
    if (f.recognised && f.recognised.type === 'date') td.title = f.recognised.iso;
    return td;
  }

  function fieldTable(fields) {
    const table = el('table', 'fields');
    const head = el('tr');
    for (const h of [s('col.name'), s('col.label'), s('col.value')]) head.appendChild(el('th', undefined, h));
    const thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    const tbody = el('tbody');
    let group;
    for (const f of fields) {
      if (f.group && f.group !== group) {
        group = f.group;
        const gr = el('tr', 'group');
        const td = el('td', undefined, group);
        td.colSpan = 3;
        gr.appendChild(td);
        tbody.appendChild(gr);
      }
      const tr = el('tr');
      tr.appendChild(el('td', 'name mono', f.name));
      const label = el('td', 'label', f.label ? tx(f.label) : '');
      if (f.description) label.title = tx(f.description);
      if (f.inferred) {
        const mark = el('span', 'inferred-mark', ' ' + s('inferred'));
        mark.title = s('inferredNote');
        label.appendChild(mark);
      }
      tr.appendChild(label);
      tr.appendChild(valueCell(f));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    return table;
  }

  function compare(kind) {
    if (kind === 'amount') return (a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0);
    return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  }

  /**
   * One table. The render message carries its first page of rows; the rest
   * (`total` in all) arrives in a `rows` message after the first paint, and
   * addRows() folds it in, keeping the sort, the filter and the rows shown.
   */
  function renderList(parent, t, index, total) {
    const sec = section(parent, s('section.list') + ': ' + t.name + (t.label ? ' (' + tx(t.label) + ')' : ''), 'list-' + index);
    const bar = el('div', 'tablebar');
    const filter = /** @type {HTMLInputElement} */ (el('input', 'filter'));
    filter.type = 'search';
    filter.placeholder = s('filter');
    filter.setAttribute('aria-label', s('filter'));
    const count = el('span', 'count');
    bar.appendChild(filter);
    bar.appendChild(count);
    sec.appendChild(bar);
    const wrap = el('div', 'tablewrap');
    const table = el('table', 'list');
    const thead = el('thead');
    const hr = el('tr');
    const tbody = el('tbody');
    table.appendChild(thead);
    table.appendChild(tbody);
    wrap.appendChild(table);
    sec.appendChild(wrap);
    const more = el('button', 'secondary more', s('showMore'));
    sec.appendChild(more);

    /** @type {number[]} */
    let order = [];
    /** @type {number[]} */
    let visible = [];
    let shown = 0;
    let sortCol = -1;
    let sortDir = 1;
    let wanted = 0; // rows asked for by "show more" before the rest had arrived
    const pending = () => t.rows.length < total;

    function sortOrder() {
      const idx = t.rows.map((_, i) => i);
      if (sortCol < 0) return idx;
      const cmp = compare(t.columns[sortCol].kind);
      const ci = sortCol;
      return idx.sort((a, b) => sortDir * cmp(t.rows[a][ci], t.rows[b][ci]) || a - b);
    }

    t.columns.forEach((c, ci) => {
      const th = el('th');
      const btn = el('button', 'sort', c.label ? tx(c.label) : c.name);
      btn.title = c.name;
      btn.addEventListener('click', () => {
        sortDir = sortCol === ci ? -sortDir : 1;
        sortCol = ci;
        order = sortOrder();
        for (const other of hr.querySelectorAll('th')) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
        apply(PAGE);
      });
      th.appendChild(btn);
      if (c.label) th.appendChild(el('div', 'colname mono', c.name));
      hr.appendChild(th);
    });
    thead.appendChild(hr);

    function rowEl(r) {
      const tr = el('tr');
      t.columns.forEach((c, ci) => {
        const v = r[ci];
        const td = el('td', c.kind === 'amount' ? 'amount' : undefined, v);
        if (c.meanings && Object.prototype.hasOwnProperty.call(c.meanings, v)) td.title = tx(c.meanings[v]);
        tr.appendChild(td);
      });
      return tr;
    }
    /** Appends rows up to `target` shown, in one fragment (one layout). */
    function fill(target) {
      const frag = document.createDocumentFragment();
      const end = Math.min(visible.length, target);
      for (let i = shown; i < end; i++) frag.appendChild(rowEl(t.rows[visible[i]]));
      tbody.appendChild(frag);
      shown = Math.max(shown, end);
      // Until the rest arrives, an unfiltered table still counts all its rows.
      const of = pending() && !filter.value.trim() ? total : visible.length;
      count.textContent = s('rowsShown').replace('{0}', String(shown)).replace('{1}', String(of)).replace('{2}', String(total));
      more.hidden = shown >= of;
    }
    function apply(target) {
      const q = filter.value.trim().toLowerCase();
      visible = q ? order.filter((i) => t.rows[i].some((v) => v.toLowerCase().includes(q))) : order;
      tbody.textContent = '';
      shown = 0;
      fill(target);
    }
    filter.addEventListener('input', () => apply(PAGE));
    more.addEventListener('click', () => {
      if (shown >= visible.length && pending()) wanted = shown + PAGE; // shown when the rows come
      else fill(shown + PAGE);
    });
    order = sortOrder();
    apply(FIRST_FILL);
    afterPaint.push(() => fill(PAGE));

    /** @param {number} offset @param {unknown} rows */
    function addRows(offset, rows) {
      if (offset !== t.rows.length || !Array.isArray(rows)) return; // a repeat, or out of order
      for (const r of rows) if (Array.isArray(r)) t.rows.push(r.map(String));
      const target = Math.max(shown, wanted);
      wanted = 0;
      order = sortOrder();
      if (sortCol < 0 && !filter.value.trim()) {
        // Same order as before, only longer: keep the rows on screen.
        visible = order;
        fill(target);
      } else apply(target);
    }
    return { total, addRows };
  }

  /** @type {Array<{ total: number, addRows: (offset: number, rows: unknown) => void }>} */
  let lists = [];
  /** @type {HTMLElement | undefined} */
  let rawPre;
  let currentRenderId = -1;

  /** raw: the text, or undefined to ask the extension for it on first open (it can be megabytes). */
  function renderRaw(parent, raw) {
    const sec = section(parent, s('section.raw'), 'raw');
    const det = el('details');
    det.appendChild(el('summary', undefined, s('showRaw')));
    const pre = el('pre', 'content');
    rawPre = pre;
    det.appendChild(pre);
    det.addEventListener('toggle', () => {
      if (!det.open || pre.textContent) return;
      if (raw !== undefined) pre.textContent = raw;
      else vscode.postMessage({ type: 'raw', renderId: currentRenderId });
    });
    sec.appendChild(det);
  }

  function header(parent, sourceLabel, canCompare) {
    const h = el('header', 'top');
    h.appendChild(el('span', 'source', sourceLabel));
    if (canCompare === true) {
      // The answer carries the OpenAPI gateway's verify string: diff it against the request sent.
      const cmp = el('button', 'secondary', s('compare'));
      cmp.id = 'compareRequest';
      cmp.addEventListener('click', () => vscode.postMessage({ type: 'compare' }));
      h.appendChild(cmp);
    }
    const copy = el('button', 'primary', s('copyJson'));
    copy.id = 'copyJson';
    copy.addEventListener('click', () => vscode.postMessage({ type: 'copyJson' }));
    h.appendChild(copy);
    parent.appendChild(h);
  }

  let receivedAt = 0;
  let shownSource = '';

  function render(msg) {
    afterPaint = [];
    S = msg.strings || {};
    lang = msg.lang === 'zh' ? 'zh' : 'en';
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    vscode.setState(msg.state);
    const page = el('main');
    const m = msg.model;
    header(page, msg.sourceLabel, msg.canCompare);
    renderBanner(page, m, msg.profile);
    renderSignature(page, m.signature, msg.profile);
    const sections = ['status', 'signature'];
    if (m.request.length) {
      section(page, s('section.request'), 'request').appendChild(fieldTable(m.request));
      sections.push('request');
    }
    if (m.fields.length) {
      const title = s('section.fields') + (m.businessNode ? ' <' + m.businessNode + '>' : '');
      section(page, title, 'fields').appendChild(fieldTable(m.fields));
      sections.push('fields');
    }
    let rows = 0;
    const totals = Array.isArray(msg.totalRows) ? msg.totalRows : [];
    lists = m.tables.map((t, i) => {
      const list = renderList(page, t, i, typeof totals[i] === 'number' ? totals[i] : t.rows.length);
      rows += list.total;
      sections.push('list-' + i);
      return list;
    });
    currentRenderId = msg.renderId;
    renderRaw(page, undefined);
    sections.push('raw');
    root.replaceChildren(page);
    // Another document starts at the top; the same one keeps its place while it is edited.
    const key = JSON.stringify(msg.state && msg.state.source);
    if (key !== shownSource) window.scrollTo(0, 0);
    shownSource = key;
    done(msg.renderId, sections, rows);
  }

  function renderError(msg) {
    S = msg.strings || {};
    vscode.setState(msg.state);
    const page = el('main');
    header(page, msg.sourceLabel, msg.canCompare);
    const b = el('section', 'banner bad');
    b.id = 'status';
    b.setAttribute('role', 'alert');
    b.appendChild(el('div', 'title', s('cannotDecode')));
    b.appendChild(el('div', 'detail', msg.message));
    page.appendChild(b);
    currentRenderId = msg.renderId;
    lists = [];
    renderRaw(page, msg.raw);
    root.replaceChildren(page);
    done(msg.renderId, ['status', 'raw'], 0);
  }

  function done(renderId, sections, rows) {
    // After layout: the extension (and tests) learn the preview is on screen.
    // rAF then a task: the frame with the new content has been produced. A
    // hidden webview may not run rAF, so a timer sends it anyway.
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      const renderMs = Math.round(performance.now() - receivedAt);
      /** @type {any} */ (window).__alipayPreview = { renderId, sections, rows, renderMs };
      vscode.postMessage({ type: 'rendered', renderId, sections, rows, renderMs });
      const later = afterPaint;
      afterPaint = [];
      for (const f of later) f();
    };
    requestAnimationFrame(() => setTimeout(send, 0));
    setTimeout(send, 1000);
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'render' || msg.type === 'error') receivedAt = performance.now();
    if (msg.type === 'render' && msg.model) render(msg);
    else if (msg.type === 'error') renderError(msg);
    else if (msg.type === 'raw' && msg.renderId === currentRenderId && rawPre && typeof msg.text === 'string') rawPre.textContent = msg.text;
    else if (msg.type === 'rows' && msg.renderId === currentRenderId && lists[msg.table]) lists[msg.table].addRows(msg.offset, msg.rows);
  });
  vscode.postMessage({ type: 'ready' });
})();
