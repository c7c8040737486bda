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
      var rows = rowsOf(data);  // already in chronological order
      var years = {}, order = [];
      rows.forEach(function (r) {
        var y = r.sort ? r.sort.slice(0, 4) : "Undated";
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
            var m = r.sort ? r.sort.slice(0, 7) : "";
            if (m !== month) {
              month = m;
              details.appendChild(el("h4", null, m ? MONTHS[parseInt(m.slice(5, 7), 10) - 1] + " " + y : "Undated"));
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

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".dl-chart[data-spec]"), renderChart);
    Array.prototype.forEach.call(document.querySelectorAll(".dl-datatable[data-config]"), function (n) { new Table(n); });
    Array.prototype.forEach.call(document.querySelectorAll(".dl-chrono[data-src]"), function (n) { new Chrono(n); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
