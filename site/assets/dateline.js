/* Dateline report site: charts, sortable/filterable tables and the chronological
 * event list. No dependencies besides the self-hosted Vega bundle; never builds
 * markup from data (every value goes through textContent), never loads from
 * another host. */
(function () {
  "use strict";

  // Relative links from the data files only: no scheme, no "//", no quotes.
  var SAFE_URL = /^(?![a-z][a-z0-9+.-]*:)(?!\/\/)[A-Za-z0-9_.~\/#%-]*$/i;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function link(base, href, text) {
    if (!href || !SAFE_URL.test(href)) return document.createTextNode(text == null ? "" : String(text));
    var a = el("a", null, text);
    a.setAttribute("href", base + href);
    return a;
  }

  var cache = {};
  function loadJSON(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.json();
      });
    }
    return cache[url];
  }

  function rowsOf(data) {
    var fields = data.fields;
    return data.rows.map(function (r) {
      var o = {};
      for (var i = 0; i < fields.length; i++) o[fields[i]] = r[i];
      return o;
    });
  }

  // -- charts ---------------------------------------------------------------
  function setValues(spec, rows) {
    if (spec.data && spec.data.values) spec.data.values = rows;
    if (spec.datasets) Object.keys(spec.datasets).forEach(function (k) { spec.datasets[k] = rows; });
    (spec.layer || []).forEach(function (layer) { setValues(layer, rows); });
  }

  function renderChart(node) {
    var base = node.getAttribute("data-base") || "";
    var src = node.getAttribute("data-spec");
    if (!src || typeof window.vegaEmbed !== "function") return;
    var values = node.getAttribute("data-values");
    // a shared spec (one per kind of chart) with the rows of this page
    var rows = values ? fetch(base + values).then(function (r) {
      if (!r.ok) throw new Error(values + ": HTTP " + r.status);
      return r.json();
    }) : Promise.resolve(null);
    Promise.all([loadJSON(base + src), rows]).then(function (loaded) {
      var spec = loaded[0];
      if (loaded[1]) {
        spec = JSON.parse(JSON.stringify(spec));
        setValues(spec, loaded[1]);
        var height = parseInt(node.getAttribute("data-height"), 10);
        if (height > 0) spec.height = height;
      }
      var opts = {
        renderer: node.getAttribute("data-renderer") || "svg",
        actions: { export: true, source: false, compiled: false, editor: false },
        loader: { baseURL: base },
        tooltip: { theme: "light" },
        logLevel: 1  // errors only: Vega warns about harmless scale merges on layered charts
      };
      return window.vegaEmbed(node, spec, opts).then(function (result) {
        node.dlView = result.view;
        node.setAttribute("data-rendered", "true");
      });
    }).catch(function (err) {
      node.setAttribute("data-rendered", "error");
      node.appendChild(el("p", "dl-error", "This chart could not be drawn: " + err.message));
    });
  }

  function downloadLink(base, href) {
    var a = link(base, href, href.split("/").pop());
    if (a.setAttribute) a.setAttribute("download", "");
    return a;
  }

  // -- tables ---------------------------------------------------------------
  function compare(a, b) {
    var ea = a === "" || a === null || a === undefined, eb = b === "" || b === null || b === undefined;
    if (ea || eb) return ea === eb ? 0 : (ea ? 1 : -1);  // empty cells last
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
  }

  function Table(node) {
    this.node = node;
    this.base = node.getAttribute("data-base") || "";
    this.config = JSON.parse(node.getAttribute("data-config"));
    this.pageSize = this.config.pageSize || 50;
    this.page = 0;
    this.sortField = this.config.sort ? this.config.sort[0] : null;
    this.sortDir = this.config.sort && this.config.sort[1] === "desc" ? -1 : 1;
    this.facetValues = {};
    var self = this;
    loadJSON(this.base + this.config.src).then(function (data) {
      self.rows = rowsOf(data);
      self.build();
      self.applyHash();
      self.update();
      node.setAttribute("data-ready", "true");
    }).catch(function (err) {
      node.appendChild(el("p", "dl-error", "This table could not be loaded: " + err.message));
    });
    if (node.id) window.addEventListener("hashchange", function () { self.applyHash(); self.update(); });
  }

  Table.prototype.applyHash = function () {
    // "#filter=<table id>:<text>" fills a table's filter box (used by the actors page)
    var m = /^#filter=([A-Za-z0-9_-]+):(.*)$/.exec(location.hash);
    if (m && m[1] === this.node.id && this.search) {
      this.search.value = decodeURIComponent(m[2]);
      this.page = 0;
    }
  };

  Table.prototype.build = function () {
    var self = this, cfg = this.config;
    var controls = el("div", "dl-controls");
    this.search = el("input", "dl-filter");
    this.search.type = "search";
    this.search.placeholder = cfg.placeholder || "Filter rows…";
    this.search.setAttribute("aria-label", "Filter the table");
    this.search.addEventListener("input", function () { self.page = 0; self.update(); });
    controls.appendChild(this.search);
    (cfg.facets || []).forEach(function (facet) {
      var counts = {};
      self.rows.forEach(function (row) {
        self.facetKeys(row, facet).forEach(function (k) { counts[k] = (counts[k] || 0) + 1; });
      });
      var select = el("select", "dl-facet");
      select.setAttribute("aria-label", facet.label);
      select.appendChild(new Option("All " + facet.label.toLowerCase() + " (" + Object.keys(counts).length + ")", ""));
      Object.keys(counts).sort(function (a, b) { return facet.order === "value" ? compare(b, a) : counts[b] - counts[a] || compare(a, b); })
        .forEach(function (k) { select.appendChild(new Option((k || "(none)") + " (" + counts[k] + ")", k)); });
      select.addEventListener("change", function () { self.facetValues[facet.field] = select.value; self.page = 0; self.update(); });
      var label = el("label", "dl-facet-label", facet.label + " ");
      label.appendChild(select);
      controls.appendChild(label);
    });
    this.count = el("span", "dl-count");
    controls.appendChild(this.count);
    if (cfg.download) {
      var downloads = el("span", "dl-downloads", "Download ");
      downloads.appendChild(downloadLink(this.base, cfg.download));
      if (cfg.jsonl) { downloads.appendChild(document.createTextNode(" · ")); downloads.appendChild(downloadLink(this.base, cfg.jsonl)); }
      controls.appendChild(downloads);
    }
    this.node.appendChild(controls);

    var wrap = el("div", "dl-table-wrap");
    var table = el("table", "dl-table");
    var thead = el("thead"), tr = el("tr");
    this.headers = [];
    cfg.columns.forEach(function (col) {
      var th = el("th", col.type === "num" ? "dl-num" : null);
      var button = el("button", "dl-sort", col.label);
      button.type = "button";
      button.addEventListener("click", function () {
        var field = col.sortField || col.field;
        if (self.sortField === field) self.sortDir = -self.sortDir; else { self.sortField = field; self.sortDir = 1; }
        self.update();
      });
      th.appendChild(button);
      tr.appendChild(th);
      self.headers.push({ th: th, field: col.sortField || col.field });
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    this.tbody = el("tbody");
    table.appendChild(this.tbody);
    wrap.appendChild(table);
    this.node.appendChild(wrap);

    var pager = el("div", "dl-pager");
    this.prev = el("button", "md-button", "‹ Previous");
    this.next = el("button", "md-button", "Next ›");
    this.pageInfo = el("span", "dl-page-info");
    this.prev.type = this.next.type = "button";
    this.prev.addEventListener("click", function () { self.page--; self.update(); });
    this.next.addEventListener("click", function () { self.page++; self.update(); });
    pager.appendChild(this.prev);
    pager.appendChild(this.pageInfo);
    pager.appendChild(this.next);
    this.node.appendChild(pager);
  };

  Table.prototype.facetKeys = function (row, facet) {
    var v = row[facet.field];
    v = v === null || v === undefined ? "" : String(v);
    if (facet.split) return v ? v.split(facet.split).filter(Boolean) : [""];
    return [v];
  };

  Table.prototype.matches = function (row, needle) {
    var cfg = this.config, self = this;
    for (var f in this.facetValues) {
      var want = this.facetValues[f];
      if (!want) continue;
      var facet = (cfg.facets || []).filter(function (x) { return x.field === f; })[0];
      if (self.facetKeys(row, facet).indexOf(want) < 0) return false;
    }
    if (!needle) return true;
    var fields = cfg.searchFields || cfg.columns.map(function (c) { return c.field; });
    for (var i = 0; i < fields.length; i++) {
      var v = row[fields[i]];
      if (v !== null && v !== undefined && String(v).toLowerCase().indexOf(needle) >= 0) return true;
    }
    return false;
  };

  Table.prototype.update = function () {
    if (!this.rows) return;
    var self = this, cfg = this.config;
    var needle = this.search.value.trim().toLowerCase();
    var rows = this.rows.filter(function (r) { return self.matches(r, needle); });
    if (this.sortField) {
      var f = this.sortField, d = this.sortDir;
      rows = rows.slice().sort(function (a, b) { return d * compare(a[f], b[f]); });
    }
    var pages = Math.max(1, Math.ceil(rows.length / this.pageSize));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    var slice = rows.slice(this.page * this.pageSize, (this.page + 1) * this.pageSize);
    this.tbody.textContent = "";
    slice.forEach(function (row) {
      var tr = el("tr");
      cfg.columns.forEach(function (col) {
        var td = el("td", col.type === "num" ? "dl-num" : (col.cls || null));
        var value = row[col.field];
        if (value === null || value === undefined) value = "";
        if (col.link) td.appendChild(link(self.base, row[col.link], value));
        else if (col.filterTarget) {
          var a = el("a", null, value);
          a.setAttribute("href", "#filter=" + col.filterTarget + ":" + encodeURIComponent(String(value)));
          td.appendChild(a);
        } else td.textContent = String(value);
        tr.appendChild(td);
      });
      self.tbody.appendChild(tr);
    });
    this.headers.forEach(function (h) {
      h.th.setAttribute("aria-sort", h.field === self.sortField ? (self.sortDir > 0 ? "ascending" : "descending") : "none");
    });
    this.count.textContent = rows.length.toLocaleString("en") + " of " + this.rows.length.toLocaleString("en") + " rows";
    this.pageInfo.textContent = "Page " + (this.page + 1) + " of " + pages;
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
  };

  // -- chronological list ---------------------------------------------------
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function Chrono(node) {
    var base = node.getAttribute("data-base") || "";
    loadJSON(base + node.getAttribute("data-src")).then(function (data) {
      // dated events only, already in chronological order: the undated ones have their own list
      var rows = rowsOf(data).filter(function (r) { return r.sort; });
      var years = {}, order = [];
      rows.forEach(function (r) {
        var y = r.sort.slice(0, 4);
        if (!years[y]) { years[y] = []; order.push(y); }
        years[y].push(r);
      });
      order.forEach(function (y) {
        var details = el("details", "dl-year");
        var summary = el("summary", null, y + " — " + years[y].length.toLocaleString("en") + " events");
        details.appendChild(summary);
        details.addEventListener("toggle", function () {
          if (!details.open || details.dataset.filled) return;
          details.dataset.filled = "1";
          var month = null, list = null;
          years[y].forEach(function (r) {
            var m = r.sort.slice(0, 7);
            if (m !== month) {
              month = m;
              details.appendChild(el("h4", null, MONTHS[parseInt(m.slice(5, 7), 10) - 1] + " " + y));
              list = el("ul", "dl-chrono-list");
              details.appendChild(list);
            }
            var li = el("li");
            li.appendChild(el("span", "dl-when", r.when));
            li.appendChild(document.createTextNode(" "));
            li.appendChild(el("span", "dl-badge dl-type-" + String(r.type).replace(/[^a-z]/g, ""), r.type));
            li.appendChild(document.createTextNode(" "));
            li.appendChild(link(base, r.href, r.summary || r.sentence || "(event)"));
            li.appendChild(el("span", "dl-muted", " — " + r.status + ", " + r.doc));
            list.appendChild(li);
          });
        });
        node.appendChild(details);
      });
      node.setAttribute("data-ready", "true");
    }).catch(function (err) {
      node.appendChild(el("p", "dl-error", "The event list could not be loaded: " + err.message));
    });
  }

  // -- the timeline: months at first, single events on demand ------------------
  var DAY = 864e5;
  var LABELS = 6;  // busiest months named in the overview
  var PLOT_HEIGHT = 240;  // charts.timeline_overview's height

  function monthOf(iso) { return iso.slice(0, 7) + "-01"; }
  function time(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function addMonths(t, n) { var d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1); }
  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : (/s$/.test(word) ? "es" : "s")); }
  function countsOf(values) {
    var counts = {};
    values.forEach(function (v) { if (v) counts[v] = (counts[v] || 0) + 1; });
    return counts;
  }
  function top(counts) {
    var best = null;
    Object.keys(counts).forEach(function (k) { if (best === null || counts[k] > counts[best] || (counts[k] === counts[best] && k < best)) best = k; });
    return best;
  }

  function Timeline(node) {
    this.node = node;
    this.base = node.getAttribute("data-base") || "";
    this.filters = {};
    var self = this;
    this.ready = Promise.all([loadJSON(this.base + node.getAttribute("data-src")), loadJSON(this.base + node.getAttribute("data-overview")),
                 loadJSON(this.base + node.getAttribute("data-detail"))]).then(function (loaded) {
      self.rows = rowsOf(loaded[0]);
      self.rows.forEach(function (r) { r.month = monthOf(r.start); r.year = r.start.slice(0, 4); r.t0 = time(r.start); r.t1 = time(r.end); });
      self.overviewSpec = loaded[1];
      self.detailSpec = loaded[2];
      self.build();
      return self.drawOverview();
    }).then(function () {
      node.setAttribute("data-ready", "true");
    }).catch(function (err) {
      node.setAttribute("data-ready", "error");
      node.appendChild(el("p", "dl-error", "The timeline could not be drawn: " + err.message));
    });
  }

  Timeline.prototype.build = function () {
    var self = this;
    var controls = el("div", "dl-controls dl-timeline-filters");
    [["type", "Type"], ["status", "Status"], ["origin", "Origin"], ["year", "Year"]].forEach(function (f) {
      var counts = countsOf(self.rows.map(function (r) { return r[f[0]]; }));
      var select = el("select", "dl-facet");
      select.setAttribute("aria-label", f[1]);
      select.name = f[0];
      select.appendChild(new Option("All (" + Object.keys(counts).length + ")", ""));
      Object.keys(counts).sort(function (a, b) { return f[0] === "year" ? compare(a, b) : counts[b] - counts[a] || compare(a, b); })
        .forEach(function (k) { select.appendChild(new Option(k + " (" + counts[k] + ")", k)); });
      select.addEventListener("change", function () { self.filters[f[0]] = select.value; self.drawOverview(); });
      var label = el("label", "dl-facet-label", f[1] + " ");
      label.appendChild(select);
      controls.appendChild(label);
    });
    var actor = el("input", "dl-filter");
    actor.type = "search";
    actor.name = "actor";
    actor.placeholder = "Actor…";
    actor.setAttribute("aria-label", "Filter by actor");
    var pending = null;
    actor.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { self.filters.actor = actor.value.trim().toLowerCase(); self.drawOverview(); }, 250);
    });
    controls.appendChild(actor);
    this.count = el("span", "dl-count");
    controls.appendChild(this.count);
    this.node.appendChild(controls);
    this.overview = el("div", "dl-chart dl-timeline-overview");
    this.overview.setAttribute("role", "img");
    this.overview.setAttribute("aria-label", "Dated events per month by type");
    this.node.appendChild(this.overview);
    this.status = el("p", "dl-muted dl-timeline-status");
    this.node.appendChild(this.status);
    this.detail = el("div", "dl-chart dl-timeline-detail");
    this.detail.setAttribute("role", "img");
    this.detail.setAttribute("aria-label", "Single events of the span picked above");
    this.node.appendChild(this.detail);
  };

  Timeline.prototype.kept = function () {
    var f = this.filters;
    return this.rows.filter(function (r) {
      return (!f.type || r.type === f.type) && (!f.status || r.status === f.status) && (!f.origin || r.origin === f.origin)
        && (!f.year || r.year === f.year) && (!f.actor || String(r.actors).toLowerCase().indexOf(f.actor) >= 0);
    });
  };

  // the span the chart opens on: the bulk of the dates (1st to 99th percentile), a month either side
  function openingSpan(rows) {
    var times = rows.map(function (r) { return time(r.month); }).sort(function (a, b) { return a - b; });
    if (!times.length) return null;
    var lo = times[Math.floor(times.length * 0.01)], hi = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))];
    return [addMonths(lo, -1), addMonths(hi, 2)];
  }

  // the busiest months, each named by its commonest type and place ("Jan 2010: 231 meetings,
  // Afghanistan"), left out when its name would overlap a busier one's
  function busiest(rows, span, plotWidth) {
    var months = {};
    rows.forEach(function (r) { (months[r.month] = months[r.month] || []).push(r); });
    var ranked = Object.keys(months).filter(function (m) { return !span || (time(m) >= span[0] && time(m) < span[1]); })
      .sort(function (a, b) { return months[b].length - months[a].length || compare(a, b); });
    var chosen = [], most = ranked.length ? months[ranked[0]].length : 0;
    ranked.forEach(function (m) {
      // only months that stand out (a quarter of the busiest one at least)
      if (chosen.length >= LABELS || months[m].length < most / 4) return;
      var rs = months[m];
      var type = top(countsOf(rs.map(function (r) { return r.type; })));
      var ofType = rs.filter(function (r) { return r.type === type; });
      var place = top(countsOf(ofType.map(function (r) { return r.location; })));
      var date = new Date(time(m));
      var label = MONTHS[date.getUTCMonth()].slice(0, 3) + " " + date.getUTCFullYear() + ": " + plural(ofType.length, type)
        + (place ? ", " + place : "");
      var at = span ? (time(m) - span[0]) / (span[1] - span[0]) : 0;
      var right = at > 0.66, width = (label.length * 6.5 + 8) / plotWidth;  // about 6.5 px a character at 11 px
      var from = right ? at - width : at, to = right ? at : at + width;
      var high = rs.length / most, low = high - 16 / PLOT_HEIGHT;  // a line of text is about 16 px of the plot
      if (chosen.some(function (c) { return from < c.to && c.from < to && low < c.high && c.low < high; })) return;
      chosen.push({ month: m, total: rs.length, label: label, right: right, from: from, to: to, high: high, low: low });
    });
    return chosen.map(function (c) { return { month: c.month, total: c.total, label: c.label, right: c.right }; });
  }

  Timeline.prototype.drawOverview = function () {
    var self = this, rows = this.kept();
    var fine = rows.filter(function (r) { return r.fine; });
    var cells = {};
    fine.forEach(function (r) { var k = r.month + "|" + r.type; cells[k] = (cells[k] || 0) + 1; });
    var spec = JSON.parse(JSON.stringify(this.overviewSpec));
    // stacked here, in the order of the colour legend: a bar spans a month (x to x2)
    var order = spec.layer[0].encoding.color.scale.domain, height = {};
    var values = Object.keys(cells).sort(function (a, b) {
      var pa = a.split("|"), pb = b.split("|");
      return compare(pa[0], pb[0]) || order.indexOf(pa[1]) - order.indexOf(pb[1]);
    }).map(function (k) {
      var p = k.split("|"), bottom = height[p[0]] || 0;
      height[p[0]] = bottom + cells[k];
      return { month: p[0], next: new Date(addMonths(time(p[0]), 1)).toISOString().slice(0, 10), type: p[1],
               events: cells[k], bottom: bottom, top: bottom + cells[k] };
    });
    var span = openingSpan(fine.length ? fine : rows);
    // the plot is the chart's width less its axis and legend
    var labels = busiest(fine, span, Math.max(200, this.overview.clientWidth - 170));
    spec.datasets = { cells: values, labels: labels };
    if (span) setDomain(spec, span);
    this.count.textContent = plural(rows.length, "dated event") + " (" + fine.length.toLocaleString("en") + " to a month or finer)";
    this.span = null;
    this.drawDetail(null);
    return embed(this.overview, spec, this.base).then(function (view) {
      // drag: a span; click: its month
      // (a click also clears the brush: an empty brush leaves the detail as it is)
      view.addSignalListener("brush", function (name, value) {
        var range = value && value.month;
        if (!range) return;
        clearTimeout(self.brushing);
        self.brushing = setTimeout(function () { self.drawDetail([+range[0], +range[1]]); }, 150);
      });
      view.addEventListener("click", function (event, item) {
        var month = item && item.datum && item.datum.month;
        if (month === undefined || month === null || item.datum.events === undefined) return;
        // Vega-Lite parsed the month into a time (local or UTC): its month is the one at noon
        var d = new Date((typeof month === "string" ? time(month.slice(0, 10)) : +month) + 12 * 36e5);
        var t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
        if (!isNaN(t)) self.drawDetail([t, addMonths(t, 1)]);
      });
    });
  };

  function setDomain(spec, span) {
    (spec.layer || [spec]).forEach(function (layer) {
      var x = layer.encoding && layer.encoding.x;
      if (x && x.scale) x.scale.domain = span;
    });
  }

  function embed(node, spec, base) {
    if (node.dlView) { node.dlView.finalize(); node.dlView = null; }
    node.textContent = "";
    return window.vegaEmbed(node, spec, {
      renderer: "canvas", actions: { export: true, source: false, compiled: false, editor: false },
      loader: { baseURL: base }, tooltip: { theme: "light" }, logLevel: 1
    }).then(function (result) {
      node.dlView = result.view;
      node.setAttribute("data-rendered", "true");
      return result.view;
    });
  }

  Timeline.prototype.drawDetail = function (range) {
    if (!range) {
      if (this.detail.dlView) { this.detail.dlView.finalize(); this.detail.dlView = null; }
      this.detail.textContent = "";
      this.detail.removeAttribute("data-rendered");
      this.status.textContent = "Drag across the chart or click a month to see its single events.";
      return Promise.resolve(null);
    }
    // an event dated more loosely than the span (a year, when a month is picked) would cover
    // every lane with bars: it is counted, and shown when a span as long as its own is picked
    var overlapping = this.kept().filter(function (r) { return r.t0 < range[1] && r.t1 > range[0]; });
    var rows = overlapping.filter(function (r) { return r.t1 - r.t0 <= range[1] - range[0] + DAY; });
    var looser = overlapping.length - rows.length;
    var values = rows.map(function (r) {
      return { start: r.start, end: r.end, type: r.type, status: r.status, kind: r.t1 - r.t0 > DAY ? "range" : "day",
               summary: r.summary, when: r.when, doc: r.doc, href: r.href };  // vega resolves it against baseURL
    });
    var spec = JSON.parse(JSON.stringify(this.detailSpec));
    spec.datasets = { events: values };
    setDomain(spec, range);
    var from = new Date(range[0]).toISOString().slice(0, 10), to = new Date(range[1] - DAY).toISOString().slice(0, 10);
    this.status.textContent = plural(rows.length, "event") + " from " + from + " to " + to
      + (looser ? " (and " + plural(looser, "event") + " dated only to a longer span: pick a longer span to see them)" : "")
      + ". Scroll or drag to zoom, click an event to open it.";
    return embed(this.detail, spec, this.base);
  };

  // -- opened from disk ---------------------------------------------------------
  // Browsers refuse fetch() to a file:// page, so the charts and tables cannot load
  // their data: say what to do instead of showing an error in every chart.
  function fromDisk() {
    if (location.protocol !== "file:") return false;
    var box = el("div", "admonition warning dl-serve-hint");
    box.appendChild(el("p", "admonition-title", "Open this site through a web server"));
    var p = el("p", null, "This page was opened from a file, and browsers do not let a file load the data of its charts and tables. In a terminal, run ");
    p.appendChild(el("code", null, "dateline serve --dir " + siteFolder()));
    p.appendChild(document.createTextNode(" and open the address it prints (http://127.0.0.1:8000/)."));
    box.appendChild(p);
    var content = document.querySelector(".md-content__inner") || document.body;
    content.insertBefore(box, content.firstChild);
    // links end in a folder ("../timeline/"), which a browser lists instead of opening its page
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href"), m = /^([^?#]*\/|\.\.?)([?#].*)?$/.exec(href);
      if (m && SAFE_URL.test(href)) a.setAttribute("href", m[1].replace(/([^\/])$/, "$1/") + "index.html" + (m[2] || ""));
    });
    var needs = ".dl-chart[data-spec], .dl-datatable[data-config], .dl-chrono[data-src], .dl-timeline[data-src]";
    Array.prototype.forEach.call(document.querySelectorAll(needs), function (n) {
      n.appendChild(el("p", "dl-muted", "Shown when the site is served (dateline serve)."));
      n.setAttribute("data-rendered", "served-only");
      n.setAttribute("data-ready", "served-only");
    });
    return true;
  }

  function siteFolder() {
    // the folder of the site's home page: the page's path minus its depth below it
    var base = (document.querySelector(".dl-chart, .dl-datatable, .dl-timeline, .dl-chrono") || { getAttribute: function () { return ""; } })
      .getAttribute("data-base") || "";
    var parts = decodeURIComponent(location.pathname).split("/");
    parts.pop();  // index.html
    for (var i = 0; i < (base.match(/\.\.\//g) || []).length; i++) parts.pop();
    return parts.join("/") || "public";
  }

  function init() {
    if (fromDisk()) return;
    var timelines = Array.prototype.map.call(document.querySelectorAll(".dl-timeline[data-src]"),
      function (n) { return new Timeline(n).ready; });
    // the tables below a timeline load once it has drawn: their megabytes would delay it
    var rest = function () {
      Array.prototype.forEach.call(document.querySelectorAll(".dl-chart[data-spec]"), renderChart);
      Array.prototype.forEach.call(document.querySelectorAll(".dl-datatable[data-config]"), function (n) { new Table(n); });
      Array.prototype.forEach.call(document.querySelectorAll(".dl-chrono[data-src]"), function (n) { new Chrono(n); });
    };
    Promise.all(timelines).then(rest, rest);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
