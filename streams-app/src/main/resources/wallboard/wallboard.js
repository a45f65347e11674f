// The live wallboard: renders each board the server pushes over server-sent events (/api/v1/wallboard/events).
// Every figure's tooltip is its definition in the OpenAPI document the server serves, looked up by data-def.
'use strict';

(() => {
  const EVENTS = '/api/v1/wallboard/events';
  const OPENAPI = '/api/v1/openapi.json';
  /** The server sends a heartbeat every 5 s: three missed mean the connection is lost. */
  const LOST_AFTER_MS = 15000;
  const MAX_ALERTS = 6;
  const SVG = 'http://www.w3.org/2000/svg';
  const STAGE_NAMES = {
    IVR: 'IVR', QUEUE: 'Queue', AGENT: 'Agent', CALLBACK: 'Callback', REPAIR: 'Repair',
    COMPLAINT_HANDLING: 'Complaint handling',
  };
  const FILTER_NOTES = {
    region: 'Queues, dive curve and top categories: whole service (not split by region).',
    queue: 'Alerts, dive curve and top categories: whole service (not split by queue).',
  };

  const $ = (id) => document.getElementById(id);
  let definitions = {};
  let source = null;
  let lastHeard = 0;
  let freshness = null;
  let problem = null;
  /** The board on screen, drawn again when the window changes size. */
  let shown = null;

  // ---- definitions (tooltips) --------------------------------------------------------------------------------

  async function loadDefinitions() {
    try {
      const doc = await (await fetch(OPENAPI)).json();
      for (const [schema, body] of Object.entries(doc.components.schemas)) {
        for (const [property, spec] of Object.entries(body.properties || {})) {
          if (spec.description) {
            definitions[`${schema}.${property}`] = spec.description;
          }
        }
      }
      define(document);
    } catch (e) {
      console.warn('figure definitions unavailable', e);
    }
  }

  /** Sets each figure's title to its definition. */
  function define(root) {
    root.querySelectorAll('[data-def]').forEach((el) => {
      const text = definitions[el.dataset.def];
      if (text) {
        el.title = text;
      }
    });
  }

  // ---- filter and connection ---------------------------------------------------------------------------------

  /** The filter in the page's address: ?region=north or ?queue=billing. */
  function filterParams() {
    const query = new URLSearchParams(location.search);
    for (const dimension of ['region', 'queue']) {
      if (query.get(dimension)) {
        return new URLSearchParams({ [dimension]: query.get(dimension) });
      }
    }
    return new URLSearchParams();
  }

  function connect() {
    if (source) {
      source.close();
    }
    const params = filterParams();
    const [dimension] = [...params.keys()];
    $('filter-note').textContent = FILTER_NOTES[dimension] || '';
    source = new EventSource(params.toString() ? `${EVENTS}?${params}` : EVENTS);
    source.addEventListener('snapshot', (e) => {
      heard();
      problem = null;
      render(JSON.parse(e.data));
    });
    source.addEventListener('unavailable', (e) => {
      heard();
      problem = JSON.parse(e.data).detail;
      showFlow();
    });
    source.addEventListener('heartbeat', heard);
    // an EventSource reconnects by itself; the badge says so meanwhile
    source.onerror = showFlow;
  }

  function heard() {
    lastHeard = Date.now();
  }

  function onFilterChange(event) {
    const [dimension, ...rest] = event.target.value.split('=');
    const params = event.target.value ? new URLSearchParams({ [dimension]: rest.join('=') }) : new URLSearchParams();
    history.replaceState(null, '', params.toString() ? `?${params}` : location.pathname);
    connect();
  }

  function renderOptions(options, filter) {
    const select = $('filter');
    const wanted = filter.dimension === 'all' ? '' : `${filter.dimension}=${filter.value}`;
    fillGroup($('filter-regions'), 'region', options.regions, wanted);
    fillGroup($('filter-queues'), 'queue', options.queues, wanted);
    if (select.value !== wanted) {
      select.value = wanted;
    }
  }

  /** Replaces a group's options only when they changed, so that an open or focused select is left alone. */
  function fillGroup(group, dimension, values, wanted) {
    const all = [...values];
    if (wanted.startsWith(`${dimension}=`) && !all.includes(wanted.slice(dimension.length + 1))) {
      all.push(wanted.slice(dimension.length + 1));
    }
    const current = [...group.children].map((o) => o.textContent);
    if (current.join('\n') === all.join('\n')) {
      return;
    }
    group.replaceChildren(...all.map((value) => {
      const option = document.createElement('option');
      option.value = `${dimension}=${value}`;
      option.textContent = value;
      return option;
    }));
  }

  // ---- freshness -------------------------------------------------------------------------------------------------

  function showFlow() {
    const badge = $('flow-state');
    const lost = Date.now() - lastHeard > LOST_AFTER_MS;
    let state;
    let text;
    if (lost) {
      state = 'stale';
      text = 'STALE · no connection to the server';
    } else if (problem) {
      state = 'stale';
      text = 'STALE · figures unavailable';
    } else if (!freshness) {
      state = 'waiting';
      text = 'connecting';
    } else if (freshness.stale) {
      state = 'stale';
      text = `STALE · no new event for ${freshness.staleAfterSeconds} s`;
    } else if (!freshness.dataReceivedAt) {
      state = 'waiting';
      text = 'waiting for events';
    } else {
      state = 'live';
      text = 'LIVE';
    }
    badge.textContent = text;
    badge.className = `flow ${state}`;
    document.body.classList.toggle('stale', state === 'stale');
    $('problem').hidden = !problem || lost;
    $('problem').textContent = problem ? `Figures unavailable, showing the last ones: ${problem}` : '';
  }

  // ---- rendering -------------------------------------------------------------------------------------------------

  function render(board) {
    shown = board;
    freshness = board.freshness;
    $('newest-event').textContent = freshness.newestEventTime
      ? `newest event ${dateTime(freshness.newestEventTime)}` : 'no event yet';
    showFlow();
    renderOptions(board.options, board.filter);
    renderQueues(board.queues);
    renderSatisfaction(board.satisfaction);
    renderComplaints(board.complaints);
    renderAlerts(board.alerts);
    renderJourney(board.journey);
    renderCategories(board.topCategories);
  }

  function renderQueues(queues) {
    const box = $('queue-tiles');
    const shown = new Set();
    queues.forEach((q, i) => {
      let tile = [...box.children].find((t) => t.dataset.queue === q.queue);
      if (!tile) {
        tile = queueTile(q.queue);
      }
      if (box.children[i] !== tile) {
        box.insertBefore(tile, box.children[i] || null);
      }
      shown.add(tile);
      const waiting = String(q.waiting);
      const level = percent(q.serviceLevel);
      const status = statusText(q);
      if (tile.dataset.longestWait !== String(q.longestWaitSeconds)) {
        tile.dataset.longestWait = String(q.longestWaitSeconds);
        tile.dataset.since = String(Date.now());
      }
      showLongestWait(tile);
      field(tile, 'waiting').textContent = waiting;
      field(tile, 'serviceLevel').textContent = level;
      field(tile, 'status').textContent = status;
      tile.className = `tile ${q.serviceLevelStatus || 'none'}`;
    });
    [...box.children].filter((t) => !shown.has(t)).forEach((t) => t.remove());
    $('no-queues').hidden = queues.length > 0;
  }

  /**
   * The longest wait runs on between boards (the server reads the queues again only when data arrives or every
   * 10 s): the figure as answered plus the time since it was.
   */
  function showLongestWait(tile) {
    const answered = tile.dataset.longestWait === 'null' ? null : Number(tile.dataset.longestWait);
    field(tile, 'longestWait').textContent = duration(answered === null ? null
      : answered + Math.round((Date.now() - Number(tile.dataset.since)) / 1000));
  }

  function queueTile(name) {
    const tile = document.createElement('article');
    tile.dataset.queue = name;
    tile.tabIndex = 0;
    const title = document.createElement('h3');
    title.textContent = name;
    const figures = document.createElement('dl');
    figures.append(
      figure('Waiting', 'waiting', 'QueueRow.waiting'),
      figure('Longest wait', 'longestWait', 'QueueRow.longestWaitSeconds'),
      figure('Service level', 'serviceLevel', 'QueueRow.serviceLevel'),
    );
    const status = document.createElement('p');
    status.className = 'status';
    status.dataset.field = 'status';
    status.dataset.def = 'WallboardQueueTile.serviceLevelStatus';
    tile.append(title, figures, status);
    define(tile);
    return tile;
  }

  function figure(label, name, def) {
    const item = document.createElement('div');
    item.className = 'figure';
    item.dataset.def = def;
    const term = document.createElement('dt');
    term.textContent = label;
    const value = document.createElement('dd');
    value.dataset.field = name;
    item.append(term, value);
    return item;
  }

  function field(root, name) {
    return root.querySelector(`[data-field="${name}"]`);
  }

  function statusText(q) {
    const rule = `in ${q.serviceLevelThresholdSeconds} s`;
    if (q.serviceLevel === null) {
      return `no contact to judge yet · ${rule}`;
    }
    if (q.serviceLevelTarget === null) {
      return `no target · ${rule} · n ${q.serviceLevelN}`;
    }
    return `${q.serviceLevelStatus.toUpperCase()} · target ${percent(q.serviceLevelTarget)} ${rule} `
      + `· n ${q.serviceLevelN}`;
  }

  function renderSatisfaction(s) {
    $('satisfaction-index').textContent = s.index === null ? '–' : s.index.toFixed(1);
    $('satisfaction-detail').textContent = s.indexLow === null
      ? `n ${s.indexN}` : `95 % CI ${s.indexLow.toFixed(1)}–${s.indexHigh.toFixed(1)} · n ${s.indexN}`;
    drawSparkline($('sparkline'), s.today);
  }

  /**
   * One line per run of hours with an index, across the 24 hours of the day, the index on a 0–100 scale. Drawn in
   * the element's own pixels, so that lines and text keep their size at any width.
   */
  function drawSparkline(svg, hours) {
    const { width, height } = canvas(svg);
    const pad = 6;
    const labels = 16;
    const x = (i) => pad + (i / Math.max(23, hours.length - 1)) * (width - 2 * pad);
    const y = (index) => height - labels - pad - (index / 100) * (height - labels - 2 * pad);
    const runs = [];
    let run = null;
    hours.forEach((h, i) => {
      if (h.index === null) {
        run = null;
        return;
      }
      if (!run) {
        run = [];
        runs.push(run);
      }
      run.push([x(i), y(h.index)]);
    });
    svg.replaceChildren(
      svgElement('line', { class: 'axis faint', x1: pad, x2: width - pad, y1: y(50), y2: y(50) }),
      svgElement('line', { class: 'axis', x1: pad, x2: width - pad, y1: y(0), y2: y(0) }),
      ...[0, 6, 12, 18, 24].map((h) => svgText(`${String(h).padStart(2, '0')}h`, pad + (h / 24) * (width - 2 * pad),
        height - 2, h === 0 ? 'tick first' : h === 24 ? 'tick last' : 'tick')),
      ...runs.flatMap((r) => [
        svgElement('polyline', { class: 'spark', points: r.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ') }),
        ...r.map(([cx, cy]) => svgElement('circle', { class: 'spark-dot', cx, cy, r: 3.5 })),
      ]),
    );
  }

  /** The element's size in CSS pixels, set as its coordinate system. */
  function canvas(svg) {
    const box = svg.getBoundingClientRect();
    const width = Math.max(Math.round(box.width), 120);
    const height = Math.max(Math.round(box.height), 60);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    return { width, height };
  }

  function renderComplaints(c) {
    $('complaint-rate').textContent = c.complaintsPer1000Contacts === null
      ? '–' : c.complaintsPer1000Contacts.toFixed(1);
    $('complaint-detail').textContent = `${c.opened} opened · ${c.answeredContacts} answered contacts`;
  }

  function renderAlerts(alerts) {
    const list = $('alert-list');
    list.replaceChildren(...alerts.slice(0, MAX_ALERTS).map((a) => {
      const item = document.createElement('li');
      item.className = `alert ${a.severity.toLowerCase()}`;
      item.dataset.id = a.id;
      item.tabIndex = 0;
      item.dataset.def = 'Alert.rule';
      const severity = document.createElement('span');
      severity.className = 'severity';
      severity.textContent = a.severity;
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = `${a.dimension.split(',').join(', ')} · ${a.rule}`;
      const numbers = document.createElement('span');
      numbers.className = 'detail';
      numbers.textContent = `${a.observed} vs ${a.expected.toFixed(1)} expected · since ${dateTime(a.startTime)}`;
      item.append(severity, what, numbers);
      return item;
    }));
    define(list);
    $('alert-count').textContent = alerts.length > MAX_ALERTS
      ? `${alerts.length} open, ${MAX_ALERTS} shown` : `${alerts.length} open`;
    $('no-alerts').hidden = alerts.length > 0;
  }

  /** The journey stages left to right, the index on a 0–100 scale; the dive stage in the alarm colour. */
  function renderJourney(stages) {
    const svg = $('journey');
    const { width, height } = canvas(svg);
    const left = 40;
    const top = 34;
    const bottom = height - 34;
    const step = (width - left) / Math.max(stages.length, 1);
    const x = (i) => left + step * i + step / 2;
    const y = (index) => bottom - (index / 100) * (bottom - top);
    const shapes = [0, 50, 100].flatMap((level) => [
      svgElement('line', { class: level === 0 ? 'axis' : 'axis faint', x1: left, x2: width, y1: y(level), y2: y(level) }),
      svgText(String(level), left - 8, y(level) + 5, 'tick scale'),
    ]);
    const points = [];
    stages.forEach((s, i) => {
      shapes.push(svgText(STAGE_NAMES[s.touchpoint] || s.touchpoint, x(i), height - 8, 'stage'));
      if (s.index === null) {
        shapes.push(svgText('no responses', x(i), y(0) - 10, 'none'));
        return;
      }
      points.push(`${x(i).toFixed(1)},${y(s.index).toFixed(1)}`);
      shapes.push(svgElement('circle', {
        class: s.dive ? 'stage-dot dive' : 'stage-dot', cx: x(i), cy: y(s.index), r: s.dive ? 10 : 7,
      }));
      // the dive's label goes under its point, where the line coming down does not cross it
      shapes.push(s.dive && s.changeFromPrevious !== null
        ? svgText(`${s.index.toFixed(1)} (dive ${signed(s.changeFromPrevious)})`, x(i), y(s.index) + 30, 'value dive')
        : svgText(s.index.toFixed(1), x(i), y(s.index) - 16, 'value'));
    });
    svg.replaceChildren(svgElement('polyline', { class: 'journey-line', points: points.join(' ') }), ...shapes);
    const dive = stages.find((s) => s.dive);
    svg.setAttribute('aria-label', 'Satisfaction index per journey stage today: '
      + stages.map((s) => `${STAGE_NAMES[s.touchpoint] || s.touchpoint} `
        + `${s.index === null ? 'no responses' : s.index.toFixed(1)}`).join(', ')
      + (dive ? `; the dive is at ${STAGE_NAMES[dive.touchpoint] || dive.touchpoint}` : '; no dive'));
  }

  function signed(change) {
    return `${change < 0 ? '−' : '+'}${Math.abs(change).toFixed(1)}`;
  }

  function renderCategories(categories) {
    const most = Math.max(1, ...categories.map((c) => c.opened));
    $('category-list').replaceChildren(...categories.map((c) => {
      const item = document.createElement('li');
      item.tabIndex = 0;
      item.dataset.def = 'WallboardCategoryCount.opened';
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = c.category;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${(c.opened / most) * 100}%`;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(c.opened);
      const track = document.createElement('span');
      track.className = 'track';
      track.append(bar);
      item.append(name, track, count);
      return item;
    }));
    define($('category-list'));
    $('no-categories').hidden = categories.length > 0;
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  function svgElement(name, attributes) {
    const el = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([k, v]) => el.setAttribute(k, v));
    return el;
  }

  function svgText(text, x, y, cls) {
    const el = svgElement('text', { x, y, class: cls, 'text-anchor': 'middle' });
    el.textContent = text;
    return el;
  }

  function percent(fraction) {
    return fraction === null ? '–' : `${Math.round(fraction * 100)} %`;
  }

  /** Whole seconds as m:ss, or h:mm:ss from an hour on. */
  function duration(seconds) {
    if (seconds === null) {
      return '–';
    }
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = String(seconds % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  }

  /** A time of today as hh:mm:ss, any other as date and time, in the browser's zone. */
  function dateTime(iso) {
    const t = new Date(iso);
    const time = t.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    return t.toDateString() === new Date().toDateString() ? time : `${t.toLocaleDateString()} ${time}`;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('filter').addEventListener('change', onFilterChange);
    loadDefinitions();
    connect();
    setInterval(() => {
      showFlow();
      document.querySelectorAll('#queue-tiles article').forEach(showLongestWait);
    }, 1000);
    window.addEventListener('resize', () => shown && render(shown));
  });
})();
