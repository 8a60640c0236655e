/// The report page's stylesheet and script: constant text, so the script's hash can pin it in
/// the page's Content Security Policy.
enum HTMLAssets {
    static let css = """
    :root {
      --ink: #1d2733; --muted: #5b6775; --line: #dde2e8; --soft: #f5f7f9; --accent: #2f5b86;
      --critical: #9f1d20; --major: #c2410c; --minor: #a86b00; --info: #5b6775;
      --critical-bg: #fbe3e3; --major-bg: #fde9dc; --minor-bg: #fbf1d0; --info-bg: #eceff3;
      --k11: #8794a3; --kmerge: #2f5b86; --knull: #d08a16;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif;
      font-size: 14px; line-height: 1.5; color: var(--ink); background: #fff;
    }
    * { box-sizing: border-box; }
    body { margin: 0; }
    code, .mono { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 0.88em; }
    header.top { padding: 20px 28px 8px; border-bottom: 1px solid var(--line); background: var(--soft); }
    h1 { font-size: 20px; font-weight: 600; margin: 0 0 4px; }
    h2 { font-size: 13px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 8px; }
    .docs { margin: 0 0 14px; color: var(--muted); }
    .docs .doc { color: var(--ink); font-weight: 500; }
    .lang { display: inline-block; font-size: 11px; font-weight: 600; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; margin-right: 4px; background: #fff; color: var(--muted); text-transform: uppercase; }
    .stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 12px; padding: 0; }
    .stat { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; margin: 0; }
    .stat dt { font-size: 12px; color: var(--muted); }
    .stat dd { margin: 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .stat dd small { font-size: 12px; font-weight: 400; color: var(--muted); }
    .stat.sv-critical dd { color: var(--critical); } .stat.sv-major dd { color: var(--major); }
    .stat.sv-minor dd { color: var(--minor); }
    .kinds { margin: 0 0 10px; color: var(--muted); }
    .kinds span { margin-right: 12px; white-space: nowrap; }
    .kinds b { color: var(--ink); font-weight: 600; }
    .sig { margin: 0 0 10px; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
    .overview { display: flex; flex-wrap: wrap; gap: 28px; padding: 18px 28px; border-bottom: 1px solid var(--line); }
    .overview figure { margin: 0; }
    svg.map { width: 380px; height: auto; display: block; }
    svg.bars { width: 440px; height: auto; display: block; }
    .map .frame { fill: #fff; stroke: var(--line); }
    .map .diag { stroke: var(--line); stroke-dasharray: 3 3; }
    .map .m { cursor: pointer; }
    .map .k11 { fill: var(--k11); } .map .kmerge { fill: var(--kmerge); } .map .knull { fill: var(--knull); }
    .map .ring { fill: none; cursor: pointer; }
    .ring.sv-critical { stroke: var(--critical); } .ring.sv-major { stroke: var(--major); }
    .ring.sv-minor { stroke: var(--minor); } .ring.sv-info { stroke: var(--info); }
    .map .tick { stroke: var(--knull); stroke-width: 1.5; }
    .map .axis { font-size: 10px; fill: var(--muted); }
    .bars .bar { cursor: pointer; }
    .bars .code { font-size: 11px; fill: var(--ink); font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
    .bars .count { font-size: 11px; fill: var(--muted); }
    .bar.sv-critical rect { fill: var(--critical); } .bar.sv-major rect { fill: var(--major); }
    .bar.sv-minor rect { fill: var(--minor); } .bar.sv-info rect { fill: var(--info); }
    .bars .bar:hover rect { opacity: .8; }
    figcaption { font-size: 12px; color: var(--muted); margin-top: 6px; }
    .legend span { margin-right: 12px; white-space: nowrap; }
    .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
    .sw.k11 { background: var(--k11); } .sw.kmerge { background: var(--kmerge); } .sw.knull { background: var(--knull); }
    .sw.ring { background: none; border: 1.6px solid var(--major); border-radius: 50%; }
    .none { color: var(--muted); }
    .sticky { position: sticky; top: 0; z-index: 2; background: rgba(255,255,255,.97); border-bottom: 1px solid var(--line); }
    .filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; padding: 10px 28px; border-bottom: 1px solid var(--line); }
    .filters.nojs { display: none; }
    .filters label { color: var(--muted); }
    .filters select { font: inherit; margin-left: 4px; padding: 2px 4px; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); }
    #f-count { font-weight: 500; }
    .keys { margin-left: auto; color: var(--muted); font-size: 12px; }
    kbd { font-family: inherit; font-size: 11px; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; background: #fff; }
    .cols { padding: 0 28px; }
    main { padding: 0 28px 40px; }
    table { width: 100%; border-collapse: collapse; table-layout: fixed; }
    .cols th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); padding: 7px 10px; }
    thead.sr th { height: 0; padding: 0; border: 0; font-size: 0; line-height: 0; overflow: hidden; }
    .chunk { content-visibility: auto; }
    col.c-idx { width: 112px; } col.c-fnd { width: 30%; }
    tr.bead > * { padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
    tr.bead:focus { outline: none; }
    tr.bead.current { background: #f2f6fb; }
    tr.bead.current > th { box-shadow: inset 3px 0 0 var(--accent); }
    tr.bead > th { font-weight: 400; text-align: left; color: var(--muted); font-size: 12px; }
    .idx .n { display: inline-block; min-width: 2.6em; margin-right: 4px; color: var(--ink); font-weight: 600; font-size: 13px; font-variant-numeric: tabular-nums; }
    .blk { display: inline-block; font-size: 11px; border-radius: 3px; padding: 0 4px; margin: 2px 0 2px 4px; background: var(--line); color: var(--muted); }
    .ph { display: inline-block; font: 10px/14px ui-monospace, monospace; border-radius: 7px; padding: 0 5px; margin: 0 1px; background: #e8eaf6; color: #3949ab; vertical-align: 1px; }
    tr.blk-h td.text { font-weight: 600; font-size: 1.05em; }
    tr.blk-list td.text::before { content: "• "; color: var(--muted); }
    tr.blk-code td.text { font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; }
    tr.blk-table td.text { font-variant-numeric: tabular-nums; }
    .kind { display: inline-block; font-size: 11px; font-weight: 600; border-radius: 3px; padding: 0 4px; margin: 2px 0; border: 1px solid var(--line); color: var(--muted); font-variant-numeric: tabular-nums; }
    .kind.kmerge { border-color: var(--kmerge); color: var(--kmerge); }
    .kind.knull { border-color: var(--knull); color: #8a5a00; background: #fdf4e3; }
    .conf { display: inline-block; width: 40px; height: 5px; background: var(--soft); border: 1px solid var(--line); border-radius: 3px; margin-right: 5px; vertical-align: 1px; overflow: hidden; }
    .conf i { display: block; height: 100%; background: var(--accent); opacity: .75; }
    .cval { font-size: 11px; font-variant-numeric: tabular-nums; }
    .ix { display: block; font-size: 11px; }
    td.text { overflow-wrap: anywhere; }
    .gap { display: block; color: #8a5a00; font-style: italic; font-size: 13px; padding: 4px 8px; border-radius: 4px;
      background: repeating-linear-gradient(135deg, #fdf7ea 0 6px, #fff 6px 12px); border: 1px dashed #e5c98f; }
    .sb::before { content: "¦"; color: #b6bfc9; margin: 0 1px; }
    mark.f { color: inherit; border-radius: 2px; padding: 0 1px; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
    mark.sv-critical { background: var(--critical-bg); text-decoration-color: var(--critical); text-decoration-style: double; }
    mark.sv-major { background: var(--major-bg); text-decoration-color: var(--major); text-decoration-style: solid; }
    mark.sv-minor { background: var(--minor-bg); text-decoration-color: var(--minor); text-decoration-style: dashed; }
    mark.sv-info { background: var(--info-bg); text-decoration-color: var(--info); text-decoration-style: dotted; }
    .fm { display: inline-block; font-size: 10px; font-weight: 700; line-height: 14px; min-width: 14px; text-align: center; border-radius: 7px; padding: 0 3px; margin: 0 1px; color: #fff; vertical-align: super; cursor: help; }
    .fm.sv-critical, .fn.sv-critical { background: var(--critical); } .fm.sv-major, .fn.sv-major { background: var(--major); }
    .fm.sv-minor, .fn.sv-minor { background: var(--minor); } .fm.sv-info, .fn.sv-info { background: var(--info); }
    ol.findings { list-style: none; margin: 0; padding: 0; }
    ol.findings li { margin: 0 0 6px; font-size: 13px; }
    .fn { display: inline-block; font-size: 10px; font-weight: 700; line-height: 14px; min-width: 14px; text-align: center; border-radius: 7px; padding: 0 3px; color: #fff; margin-right: 4px; vertical-align: 1px; }
    .sev { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; margin-right: 4px; }
    li.sv-critical .sev { color: var(--critical); } li.sv-major .sev { color: var(--major); }
    li.sv-minor .sev { color: var(--minor); } li.sv-info .sev { color: var(--info); }
    .side { font-size: 11px; color: var(--muted); }
    .msg { display: block; }
    .sug { display: block; color: var(--muted); }
    footer { padding: 12px 28px 28px; color: var(--muted); font-size: 12px; }
    .tri-box { display: block; font-size: 11px; color: var(--muted); }
    .tri-box label { margin-right: 8px; }
    #triage button { font: inherit; margin-left: 6px; }
    .tri-box[hidden], #t-out[hidden], #triage[hidden] { display: none; }
    #t-out { display: block; margin: 8px 28px; padding: 8px; border: 1px solid var(--line); background: var(--soft); white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }
    @media print {
      .tri-box, #triage, #t-out { display: none !important; }
      :root { font-size: 10pt; }
      .filters, .keys, .hint { display: none !important; }
      .sticky { position: static; border: 0; }
      .cols { display: none; }
      thead.sr th { height: auto; padding: 4px 10px; font-size: 8pt; line-height: 1.4; text-align: left; color: var(--muted); border-bottom: 1px solid var(--line); }
      .chunk { content-visibility: visible; }
      header.top { background: none; }
      tr.bead { break-inside: avoid; }
      .overview { break-inside: avoid; }
      tr.bead.current { background: none; }
      mark, .fm, .fn, .sw, .kind, .conf i, .gap, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """

    static let script = """
    (function () {
      'use strict';
      var doc = document, body = doc.body;
      var rows = Array.prototype.slice.call(doc.querySelectorAll('tr.bead'));
      var codeBox = doc.getElementById('f-code'), sevBox = doc.getElementById('f-sev');
      var flagBox = doc.getElementById('f-flag'), counter = doc.getElementById('f-count');
      var rank = { info: 1, minor: 2, major: 3, critical: 4 };
      var chunks = Array.prototype.slice.call(doc.querySelectorAll('div.chunk'));
      var filterBar = doc.querySelector('nav.filters');
      var current = -1;

      function parse(hash) {
        var state = { code: '', severity: '', flagged: false, bead: '' };
        hash.replace(/^#/, '').split('&').forEach(function (part) {
          var at = part.indexOf('='), key = at < 0 ? part : part.slice(0, at), value = at < 0 ? '' : part.slice(at + 1);
          try { value = decodeURIComponent(value); } catch (e) { return; }
          if (key === 'flagged') state.flagged = value !== '0' && value !== 'false';
          else if (key === 'code') state.code = value;
          else if (key === 'severity' && rank.hasOwnProperty(value)) state.severity = value;
          else if (key === 'bead') state.bead = value;
        });
        return state;
      }

      function serialize(state) {
        var parts = [];
        if (state.flagged) parts.push('flagged');
        if (state.code) parts.push('code=' + encodeURIComponent(state.code));
        if (state.severity) parts.push('severity=' + state.severity);
        if (state.bead !== '') parts.push('bead=' + encodeURIComponent(state.bead));
        return parts.join('&');
      }

      function matches(row, state) {
        if (state.flagged && row.getAttribute('data-flagged') !== 'true') return false;
        if (state.code && row.getAttribute('data-codes').split(' ').indexOf(state.code) < 0) return false;
        if (state.severity && !(rank[row.getAttribute('data-severity')] >= rank[state.severity])) return false;
        return true;
      }

      function controls() {
        return { code: codeBox.value, severity: sevBox.value, flagged: flagBox.checked, bead: '' };
      }

      function remember(state) {
        var hash = serialize(state);
        try { history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search); }
        catch (e) { location.hash = hash; }
      }

      function apply(state) {
        if (state.code && !Array.prototype.some.call(codeBox.options, function (o) { return o.value === state.code; })) {
          var option = doc.createElement('option');
          option.value = state.code;
          option.textContent = state.code + ' (0)';
          codeBox.appendChild(option);
        }
        codeBox.value = state.code;
        sevBox.value = state.severity;
        flagBox.checked = state.flagged;
        var shown = 0;
        rows.forEach(function (row) {
          var visible = matches(row, state);
          row.hidden = !visible;
          if (visible) shown += 1;
        });
        chunks.forEach(function (chunk) {
          var all = chunk.querySelectorAll('tr.bead').length, visible = chunk.querySelectorAll('tr.bead:not([hidden])').length;
          chunk.hidden = visible === 0;
          chunk.style.containIntrinsicSize = 'auto ' + Math.round(Number(chunk.getAttribute('data-h')) * visible / all) + 'px';
        });
        counter.textContent = 'Showing ' + shown + ' of ' + rows.length + ' beads';
        body.setAttribute('data-shown', String(shown));
        if (state.bead !== '') {
          var target = doc.getElementById('b-' + state.bead);
          if (target && !target.hidden) select(rows.indexOf(target), false);
        }
      }

      function select(index, keep) {
        if (current >= 0 && rows[current]) rows[current].classList.remove('current');
        current = index;
        var row = rows[index];
        row.classList.add('current');
        row.tabIndex = -1;
        row.focus({ preventScroll: true });
        row.scrollIntoView({ block: 'center' });
        if (keep) { var state = controls(); state.bead = row.getAttribute('data-bead'); remember(state); }
      }

      function step(direction) {
        var index = current < 0 ? (direction > 0 ? -1 : rows.length) : current;
        for (var n = 0; n < rows.length; n += 1) {
          index += direction;
          if (index >= rows.length) index = 0;
          if (index < 0) index = rows.length - 1;
          if (!rows[index].hidden && rows[index].getAttribute('data-flagged') === 'true') { select(index, true); return; }
        }
      }

      function change() { var state = controls(); remember(state); apply(state); }
      [codeBox, sevBox, flagBox].forEach(function (box) { box.addEventListener('change', change); });
      window.addEventListener('hashchange', function () { apply(parse(location.hash)); });
      doc.addEventListener('keydown', function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        var tag = event.target && event.target.tagName;
        if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
        if (event.key === 'n') { step(1); event.preventDefault(); }
        else if (event.key === 'p') { step(-1); event.preventDefault(); }
      });
      doc.addEventListener('click', function (event) {
        var mark = event.target.closest && event.target.closest('svg.map [data-b]');
        var bar = event.target.closest && event.target.closest('svg.bars [data-code]');
        if (bar) { codeBox.value = bar.getAttribute('data-code'); sevBox.value = ''; change(); return; }
        if (!mark) return;
        var row = doc.getElementById('b-' + mark.getAttribute('data-b'));
        if (!row) return;
        if (row.hidden) apply({ code: '', severity: '', flagged: false, bead: '' });
        select(rows.indexOf(row), true);
      });

      filterBar.classList.remove('nojs');
      apply(parse(location.hash));
      body.setAttribute('data-ready', 'true');
    })();
    (function () {
      'use strict';
      // Triage: tick findings as false alarms or accepted, and take their .verso-ignore entries.
      var doc = document, panel = doc.getElementById('triage'), out = doc.getElementById('t-out');
      var count = doc.getElementById('t-count'), button = doc.getElementById('t-dl');
      if (!panel || !out) return;
      var boxes = Array.prototype.slice.call(doc.querySelectorAll('input.tri'));
      function entries() {
        var lines = [];
        boxes.forEach(function (box) {
          if (!box.checked) return;
          var item = box.closest('.tri-box');
          var message = box.closest('li').querySelector('.msg').textContent.replace(/\\s+/g, ' ');
          lines.push('# ' + item.getAttribute('data-where') + ': [' + item.getAttribute('data-code') + '] ' + message);
          lines.push('fingerprint=' + item.getAttribute('data-fp') + ' status=' + box.value + ' reason: ' +
                     (box.value === 'accepted' ? 'accepted in review' : 'a false alarm, found in review'));
        });
        return lines;
      }
      function update() {
        var lines = entries(), n = lines.length / 2;
        count.textContent = n + ' finding' + (n === 1 ? '' : 's') + ' ticked';
        out.textContent = lines.length ? lines.join('\\n') + '\\n' : '';
        out.hidden = n === 0;
        button.disabled = n === 0;
      }
      boxes.forEach(function (box) {
        box.closest('.tri-box').hidden = false;
        box.addEventListener('change', function () {
          if (box.checked) {
            Array.prototype.forEach.call(box.closest('li').querySelectorAll('input.tri'), function (other) { if (other !== box) other.checked = false; });
          }
          update();
        });
      });
      button.addEventListener('click', function () {
        var link = doc.createElement('a');
        link.href = URL.createObjectURL(new Blob([out.textContent], { type: 'text/plain' }));
        link.download = 'verso-ignore.txt';
        doc.body.appendChild(link);
        link.click();
        link.remove();
      });
      // "#triage=b3-f1:false-alarm,b7-f2:accepted" ticks findings when the page opens.
      var given = /(?:^#|&)triage=([^&]*)/.exec(location.hash);
      (given ? given[1].split(',') : []).forEach(function (pair) {
        var parts;
        try { parts = decodeURIComponent(pair).split(':'); } catch (e) { return; }
        var item = doc.getElementById(parts[0]);
        var box = item && item.querySelector('input.tri[value="' + (parts[1] === 'accepted' ? 'accepted' : 'false-alarm') + '"]');
        if (box) box.checked = true;
      });
      panel.hidden = false;
      update();
    })();
    """
}
