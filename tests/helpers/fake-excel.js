/*
 * A plain-JavaScript fake of the `Excel` global: exactly the part of the Office JS API that src/office
 * uses, over an in-memory grid per sheet. Works in jest and in a browser page.
 *
 * jest:     const { creerFauxExcel } = require("../helpers/fake-excel.js");
 *           global.Excel = creerFauxExcel({ sheets: { "Devis producteur": [["Code", "Montant"], ["2.1", 1200]] } });
 * browser:  page.addInitScript({ content: "window.__prodbookFixture = {...}" }); page.addInitScript({ path: "tests/helpers/fake-excel.js" });
 *           → window.Excel = creerFauxExcel(window.__prodbookFixture || {}).
 *
 * Fixture: { sheets: { "<name>": rows }, hidden?: ["<name>"], colonnesMasquees?: { "<name>": [3, 5] },
 * lignesMasquees?: { "<name>": [13, 14] }, merges?: { "<name>": ["A1:C1"] }, active?: "<name>" } where a cell is a number, a string, a boolean, null,
 * or { f: "=B2*C2", v: 40, fmt?: "0.00" } (formula with a value), colonnesMasquees lists a sheet's hidden columns,
 * 0-based (D, F), and lignesMasquees its hidden rows, 0-based (14, 15).
 * reglages?: { key: value } (the file's saved document settings), theme?: Office.context.officeTheme (browser);
 * window.__changerThemeOffice(theme) then changes it as Office does, firing OfficeThemeChanged to the pane's handlers.
 * Without sheets the workbook starts with an empty "Feuil1", as Excel does.
 * A range's columnHidden is true when all its columns are hidden, false when none, null when mixed (any
 * range: a cell, getEntireColumn(), "D:D"); setting it hides or shows all the range's columns. rowHidden likewise
 * for the range's rows (true: all hidden, false: none, null: mixed).
 *
 * Like Excel: properties must be load()ed and synced before being read (otherwise it throws
 * PropertyNotLoaded); a string written through values/formulas becomes a formula when it starts with
 * = + - @, a number when it looks like one, unless it starts with an apostrophe (kept as text without it).
 * Each sync records its request payload (JSON bytes of what was set, plus a small cost per call); a
 * request over 5 MB throws RequestPayloadSizeLimitExceeded as Excel on the web does.
 *
 * Reading back: Excel.__etat() → { feuilles: [{ name, position, visibility, tabColor, valeurs (values
 * matrix from A1), formules, formats, tables, validations, conditionalFormats, charts, merges, freeze,
 * pageLayout, largeurs, colonnesMasquees, lignesMasquees, mises: {A1: {bold, fill…}}, notes: {H45: "texte"} }], syncs: [{ octets, reponse, ops }],
 * selection, active }. Each sync() is one entry of syncs, the implicit one at the end of run() included:
 * syncs.length counts the round trips. octets = request bytes, reponse = bytes of the loaded properties returned by
 * that sync (a collection's items each by the data it returns: a sheet's loaded properties, a note's content);
 * ops names each call, a load as "load <properties>". A missing sheet's getItem fails at the sync, as in
 * Excel (ItemNotFound).
 * Excel.__charger(fixture) resets the workbook. Excel.__calculer(nom, { D6: { f: "=SUM(D2:D5)", v: 40 } }) gives the
 * sheet's formulas the values a calculating application computed (scripts/captures.js, with LibreOffice's).
 */
(function () {
  "use strict";
  var LIMITE_REQUETE = 5 * 1024 * 1024;
  var COUT_APPEL = 40;

  var ENUMS = {
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: {
      columnClustered: "ColumnClustered",
      barClustered: "BarClustered",
      pie: "Pie",
      line: "Line",
      lineMarkers: "LineMarkers",
    },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ConditionalFormatType: { custom: "Custom", cellValue: "CellValue" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    PaperType: { a4: "A4", letter: "Letter" },
    HorizontalAlignment: { left: "Left", center: "Center", right: "Right", general: "General" },
    BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight" },
    BorderLineStyle: { continuous: "Continuous", none: "None" },
    BorderWeight: { thin: "Thin", medium: "Medium" },
    RangeValueType: { empty: "Empty", string: "String", double: "Double", boolean: "Boolean", error: "Error" },
  };

  function colLettres(c) {
    var s = "";
    for (var n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function lettresCol(l) {
    var n = 0;
    for (var i = 0; i < l.length; i++) n = n * 26 + (l.toUpperCase().charCodeAt(i) - 64);
    return n - 1;
  }
  function nomRef(nom) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(nom) ? nom : "'" + nom.replace(/'/g, "''") + "'";
  }
  function adresse(r, c) {
    return colLettres(c) + (r + 1);
  }
  /** "A1:C3" | "A:A" | "2:4" | "Feuille!A1" → { feuille?, r, c, h, w } */
  function parsePlage(a) {
    var feuille;
    var i = a.lastIndexOf("!");
    if (i >= 0) {
      feuille = a
        .slice(0, i)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      a = a.slice(i + 1);
    }
    a = a.replace(/\$/g, "");
    var parts = a.split(":");
    function bout(p, fin) {
      var m = /^([A-Za-z]*)(\d*)$/.exec(p);
      if (!m) throw erreur("InvalidArgument", "Adresse invalide " + p);
      return { c: m[1] ? lettresCol(m[1]) : fin ? 16383 : 0, r: m[2] ? +m[2] - 1 : fin ? 1048575 : 0 };
    }
    var d = bout(parts[0], false),
      f = bout(parts[1] || parts[0], true);
    if (!parts[1]) f = { r: /\d/.test(parts[0]) ? d.r : 1048575, c: /[A-Za-z]/.test(parts[0]) ? d.c : 16383 };
    return { feuille: feuille, r: d.r, c: d.c, h: f.r - d.r + 1, w: f.c - d.c + 1 };
  }
  function erreur(code, message) {
    var e = new Error(message);
    e.code = code;
    e.name = "RichApi.Error";
    return e;
  }
  function octets(v) {
    var s = JSON.stringify(v === undefined ? null : v);
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var k = s.charCodeAt(i);
      n += k < 128 ? 1 : k < 2048 ? 2 : 3;
    }
    return n;
  }

  /**
   * Bytes of a loaded property in the response. A collection's `items` are proxies (a sheet, a note, a table…), which
   * JSON cannot write (they hold the context): each counts as the data it returns, its loaded snapshot or its plain
   * fields (a note's content), as Excel sends them.
   */
  function octetsReponse(v, vus) {
    if (v === null || typeof v !== "object") return octets(v);
    vus = vus || [];
    if (vus.indexOf(v) >= 0) return 0;
    vus.push(v);
    if (Array.isArray(v))
      return v.reduce(function (n, x) {
        return n + 1 + octetsReponse(x, vus);
      }, 2);
    if (v._snap && typeof v._snap === "object") return octetsReponse(v._snap, vus);
    try {
      return octets(v);
    } catch (e) {
      /* a proxy without snapshot: its enumerable data fields */
    }
    var n = 2;
    Object.keys(v).forEach(function (k) {
      if (k.charAt(0) === "_") return;
      var x;
      try {
        x = v[k];
      } catch (e) {
        return;
      }
      if (typeof x === "function") return;
      n += octets(k) + 1 + octetsReponse(x, vus);
    });
    return n;
  }

  function creerFauxExcel(fixture) {
    var etat;
    var idSuivant = 1;

    function nouvelleFeuille(name) {
      return {
        id: "{" + idSuivant++ + "}",
        name: name,
        visibility: "Visible",
        tabColor: "",
        cells: new Map(),
        tables: [],
        validations: [],
        conditionalFormats: [],
        charts: [],
        merges: [],
        freeze: null,
        pageLayout: {},
        largeurs: {},
        masquees: {},
        lignesMasquees: {},
        mises: {},
        notes: [],
      };
    }
    function charger(fx) {
      fx = fx || {};
      etat = { feuilles: [], syncs: [], selection: null, active: null, calculsSuspendus: 0 };
      var sheets = fx.sheets || {};
      Object.keys(sheets).forEach(function (nom) {
        var f = nouvelleFeuille(nom);
        (sheets[nom] || []).forEach(function (row, r) {
          (row || []).forEach(function (x, c) {
            if (x === null || x === undefined || x === "") return;
            if (typeof x === "object")
              f.cells.set(r + ":" + c, {
                v: x.v === undefined ? null : x.v,
                f: x.f ? (x.f.charAt(0) === "=" ? x.f : "=" + x.f) : undefined,
                fmt: x.fmt,
              });
            else f.cells.set(r + ":" + c, { v: x });
          });
        });
        if ((fx.hidden || []).indexOf(nom) >= 0) f.visibility = "Hidden";
        ((fx.colonnesMasquees || {})[nom] || []).forEach(function (c) {
          f.masquees[c] = true;
        });
        ((fx.lignesMasquees || {})[nom] || []).forEach(function (r) {
          f.lignesMasquees[r] = true;
        });
        f.merges = ((fx.merges || {})[nom] || []).slice();
        etat.feuilles.push(f);
      });
      // Like Excel, a workbook always has at least one sheet.
      if (etat.feuilles.length === 0) etat.feuilles.push(nouvelleFeuille("Feuil1"));
      etat.active = fx.active || (etat.feuilles[0] && etat.feuilles[0].name) || null;
    }
    charger(fixture);

    function trouver(nom) {
      var n = String(nom).toLowerCase();
      for (var i = 0; i < etat.feuilles.length; i++)
        if (etat.feuilles[i].name.toLowerCase() === n) return etat.feuilles[i];
      return undefined;
    }
    function parId(id) {
      for (var i = 0; i < etat.feuilles.length; i++) if (etat.feuilles[i].id === id) return etat.feuilles[i];
      throw erreur("ItemNotFound", "La feuille n'existe plus");
    }

    /** Excel's interpretation of one value written through `values` or `formulas`. */
    function ecrireCellule(f, r, c, x) {
      if (x === null || x === undefined) return;
      var k = r + ":" + c;
      var ancienne = f.cells.get(k) || {};
      var cell = { fmt: ancienne.fmt };
      if (x === "") {
        if (cell.fmt) f.cells.set(k, cell);
        else f.cells.delete(k);
        return;
      }
      if (typeof x === "string") {
        if (x.charAt(0) === "'") {
          cell.v = x.slice(1);
          cell.texte = true;
        } else if (x.charAt(0) === "=") {
          cell.f = x;
          cell.v = null;
        } else if (/^[+\-@]./.test(x)) {
          // Excel parses these as formulas too: a label like "-frais" would become #NAME?.
          if (/^[+-]\s*\d+([.,]\d+)?$/.test(x)) cell.v = Number(x.replace(",", "."));
          else {
            cell.f = "=" + x.slice(x.charAt(0) === "=" ? 1 : 0);
            cell.v = "#NAME?";
            cell.erreur = true;
          }
        } else if (/^\s*\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(x)) cell.v = Number(x);
        else if (/^(true|false|vrai|faux)$/i.test(x)) cell.v = /^(true|vrai)$/i.test(x);
        else cell.v = x;
      } else cell.v = x;
      f.cells.set(k, cell);
    }

    function Contexte() {
      this._pendants = [];
      this._octets = 0;
      this._ops = [];
      this.workbook = new Classeur(this);
      this.application = this.workbook.application;
    }
    Contexte.prototype._appel = function (op, valeur) {
      this._octets += COUT_APPEL + (valeur === undefined ? 0 : octets(valeur));
      this._ops.push(op);
    };
    Contexte.prototype.sync = function () {
      var self = this;
      return Promise.resolve().then(function () {
        var enregistrement = { octets: self._octets, reponse: 0, ops: self._ops };
        self._octets = 0;
        self._ops = [];
        etat.syncs.push(enregistrement);
        if (etat.echec) {
          var echec = etat.echec;
          delete etat.echec;
          throw erreur(echec.code, echec.message);
        }
        if (enregistrement.octets > LIMITE_REQUETE)
          throw erreur("RequestPayloadSizeLimitExceeded", "Requête de " + enregistrement.octets + " octets");
        var p = self._pendants;
        self._pendants = [];
        self._reponse = 0;
        p.forEach(function (fn) {
          fn();
        });
        enregistrement.reponse = self._reponse;
        if (self._reponse > LIMITE_REQUETE)
          throw erreur("ResponsePayloadSizeLimitExceeded", "Réponse de " + self._reponse + " octets");
      });
    };
    Contexte.prototype.trackedObjects = { add: function () {}, remove: function () {} };

    /** Loadable proxy: `lire()` snapshots its state at sync; reading an unloaded property throws. */
    function chargeable(ctx, obj, lire, proprietes) {
      obj._snap = null;
      obj.load = function (quoi) {
        var demandees =
          typeof quoi === "string"
            ? quoi.split(",").map(function (x) {
                return x.trim();
              })
            : Array.isArray(quoi)
              ? quoi
              : proprietes;
        ctx._appel("load " + demandees.join(","));
        ctx._pendants.push(function () {
          obj._snap = lire(demandees, obj._snap);
          demandees.forEach(function (p) {
            try {
              if (obj._snap[p] !== undefined) ctx._reponse += octetsReponse(obj._snap[p]);
            } catch (e) {
              /* proxies: not data */
            }
          });
        });
        return obj;
      };
      proprietes.forEach(function (p) {
        Object.defineProperty(obj, p, {
          configurable: true,
          enumerable: true,
          get: function () {
            if (!obj._snap)
              throw erreur("PropertyNotLoaded", "La propriété " + p + " n'a pas été chargée (load + sync)");
            return obj._snap[p];
          },
          set: function (v) {
            if (!obj._ecrire) throw erreur("InvalidArgument", p + " est en lecture seule");
            obj._ecrire(p, v);
          },
        });
      });
      return obj;
    }
    function objetNul(ctx, obj, existe) {
      var connu = false;
      ctx._pendants.push(function () {
        connu = true;
      });
      Object.defineProperty(obj, "isNullObject", {
        get: function () {
          if (!connu) throw erreur("PropertyNotLoaded", "isNullObject avant sync");
          return !existe();
        },
      });
      return obj;
    }

    function Classeur(ctx) {
      this.worksheets = new Feuilles(ctx);
      this.application = {
        suspendApiCalculationUntilNextSync: function () {
          etat.calculsSuspendus++;
          ctx._appel("suspendCalc");
        },
        suspendScreenUpdatingUntilNextSync: function () {
          ctx._appel("suspendScreen");
        },
      };
      this.getSelectedRange = function () {
        var s = etat.selection ? parsePlage(etat.selection) : { feuille: etat.active, r: 0, c: 0, h: 1, w: 1 };
        return new Plage(ctx, trouver(s.feuille || etat.active).id, s.r, s.c, s.h, s.w);
      };
    }

    function Feuilles(ctx) {
      var self = this;
      chargeable(
        ctx,
        this,
        function () {
          return {
            items: etat.feuilles.map(function (f) {
              var w = new Feuille(ctx, f.id);
              w._snap = w._lire();
              return w;
            }),
          };
        },
        ["items"],
      );
      this.getItem = function (nom) {
        ctx._appel("getItem");
        var f = trouver(nom);
        if (f) return new Feuille(ctx, f.id);
        // Like Excel: the request fails at its sync, with what was queued after it.
        ctx._pendants.push(function () {
          throw erreur("ItemNotFound", "Feuille introuvable : " + nom);
        });
        return new Feuille(ctx, null);
      };
      this.getItemOrNullObject = function (nom) {
        ctx._appel("getItemOrNullObject");
        var f = trouver(nom);
        var w = new Feuille(ctx, f ? f.id : null);
        return objetNul(ctx, w, function () {
          return !!f && etat.feuilles.indexOf(f) >= 0;
        });
      };
      this.add = function (nom) {
        ctx._appel("addSheet", nom);
        var n = nom || "Feuil" + (etat.feuilles.length + 1);
        if (trouver(n)) throw erreur("ItemAlreadyExists", "Une feuille porte déjà le nom " + n);
        if (n.length > 31 || /[\\/?*[\]:]/.test(n)) throw erreur("InvalidArgument", "Nom de feuille invalide : " + n);
        var f = nouvelleFeuille(n);
        etat.feuilles.push(f);
        return new Feuille(ctx, f.id);
      };
      this.getActiveWorksheet = function () {
        return self.getItem(etat.active);
      };
      this.getCount = function () {
        var r = { value: undefined };
        ctx._pendants.push(function () {
          r.value = etat.feuilles.length;
        });
        return r;
      };
    }

    function Feuille(ctx, id) {
      var self = this;
      var f = function () {
        return parId(id);
      };
      this._lire = function () {
        if (id === null) return {};
        var x = f();
        return {
          id: x.id,
          name: x.name,
          position: etat.feuilles.indexOf(x),
          visibility: x.visibility,
          tabColor: x.tabColor,
        };
      };
      chargeable(ctx, this, this._lire, ["id", "name", "position", "visibility", "tabColor"]);
      this._ecrire = function (p, v) {
        var x = f();
        ctx._appel("set " + p, v);
        if (p === "name") {
          var autre = trouver(v);
          if (autre && autre !== x) throw erreur("ItemAlreadyExists", "Nom déjà pris : " + v);
          x.name = v;
        } else if (p === "position") {
          etat.feuilles.splice(etat.feuilles.indexOf(x), 1);
          etat.feuilles.splice(Math.max(0, Math.min(v, etat.feuilles.length)), 0, x);
        } else if (p === "visibility") {
          if (
            v !== "Visible" &&
            etat.feuilles.filter(function (y) {
              return y.visibility === "Visible" && y !== x;
            }).length === 0
          )
            throw erreur("InvalidOperation", "Impossible de masquer la dernière feuille visible");
          x.visibility = v;
        } else x[p] = v;
      };
      this.getRange = function (a) {
        ctx._appel("getRange");
        if (!a) return new Plage(ctx, id, 0, 0, 1048576, 16384);
        var p = parsePlage(a);
        return new Plage(ctx, id, p.r, p.c, p.h, p.w);
      };
      this.getRangeByIndexes = function (r, c, h, w) {
        ctx._appel("getRangeByIndexes");
        if (h < 1 || w < 1) throw erreur("InvalidArgument", "Plage vide");
        return new Plage(ctx, id, r, c, h, w);
      };
      function utilisee(nulle) {
        ctx._appel("getUsedRange");
        var b = null;
        var g = new Plage(ctx, id, 0, 0, 1, 1, calc);
        function calc() {
          var x = f(),
            r1 = Infinity,
            c1 = Infinity,
            r2 = -1,
            c2 = -1;
          x.cells.forEach(function (cell, k) {
            if ((cell.v === null || cell.v === undefined) && !cell.f) return;
            var rc = k.split(":");
            r1 = Math.min(r1, +rc[0]);
            c1 = Math.min(c1, +rc[1]);
            r2 = Math.max(r2, +rc[0]);
            c2 = Math.max(c2, +rc[1]);
          });
          b = r2 < 0 ? null : { r: r1, c: c1, h: r2 - r1 + 1, w: c2 - c1 + 1 };
          return b || { r: 0, c: 0, h: 1, w: 1 };
        }
        if (nulle)
          objetNul(ctx, g, function () {
            calc();
            return b !== null;
          });
        return g;
      }
      this.getUsedRange = function () {
        return utilisee(false);
      };
      this.getUsedRangeOrNullObject = function () {
        return utilisee(true);
      };
      this.delete = function () {
        ctx._appel("deleteSheet");
        var x = f();
        if (
          x.visibility === "Visible" &&
          etat.feuilles.filter(function (y) {
            return y.visibility === "Visible";
          }).length === 1
        )
          throw erreur("InvalidOperation", "Impossible de supprimer la dernière feuille visible");
        etat.feuilles.splice(etat.feuilles.indexOf(x), 1);
      };
      this.activate = function () {
        ctx._appel("activate");
        etat.active = f().name;
      };
      this.tables = new Tables(ctx, f);
      this.charts = new Graphiques(ctx, f, id);
      this.notes = new Notes(ctx, f);
      this.freezePanes = {
        freezeRows: function (n) {
          ctx._appel("freezeRows");
          f().freeze = { rows: n, columns: 0 };
        },
        freezeColumns: function (n) {
          ctx._appel("freezeColumns");
          f().freeze = { rows: 0, columns: n };
        },
        freezeAt: function (plage) {
          ctx._appel("freezeAt");
          f().freeze = { rows: plage._r + plage._h, columns: plage._c + plage._w };
        },
        unfreeze: function () {
          ctx._appel("unfreeze");
          f().freeze = null;
        },
      };
      var mise = {};
      ["orientation", "paperSize", "zoom", "centerHorizontally"].forEach(function (p) {
        Object.defineProperty(mise, p, {
          enumerable: true,
          get: function () {
            return f().pageLayout[p];
          },
          set: function (v) {
            ctx._appel("pageLayout." + p, v);
            f().pageLayout[p] = v;
          },
        });
      });
      mise.setPrintTitleRows = function (a) {
        ctx._appel("setPrintTitleRows", a);
        f().pageLayout.printTitleRows = a;
      };
      this.pageLayout = mise;
      void self;
    }

    function Tables(ctx, f) {
      var coll = this;
      chargeable(
        ctx,
        this,
        function () {
          return {
            items: f().tables.map(function (t) {
              return table(t);
            }),
          };
        },
        ["items"],
      );
      function table(t) {
        var o = {};
        ["name", "style", "showTotals", "showHeaders", "showBandedRows"].forEach(function (p) {
          Object.defineProperty(o, p, {
            enumerable: true,
            get: function () {
              return t[p];
            },
            set: function (v) {
              ctx._appel("table." + p, v);
              if (
                p === "name" &&
                etat.feuilles.some(function (x) {
                  return x.tables.some(function (u) {
                    return u !== t && u.name.toLowerCase() === String(v).toLowerCase();
                  });
                })
              )
                throw erreur("InvalidArgument", "Nom de table déjà utilisé : " + v);
              t[p] = v;
            },
          });
        });
        o.delete = function () {
          ctx._appel("table.delete");
          var l = f().tables;
          l.splice(l.indexOf(t), 1);
        };
        o.load = function () {
          return o;
        };
        o.getRange = function () {
          var p = parsePlage(t.range);
          return new Plage(ctx, f().id, p.r, p.c, p.h, p.w);
        };
        return o;
      }
      this.add = function (a, avecEntetes) {
        ctx._appel("tables.add", String(a && a._adresse ? a._adresse() : a));
        var adr = typeof a === "string" ? a.replace(/^.*!/, "") : a._adresseLocale();
        var n = 1;
        while (
          etat.feuilles.some(function (x) {
            return x.tables.some(function (u) {
              return u.name === "Tableau" + n;
            });
          })
        )
          n++;
        var t = {
          name: "Tableau" + n,
          range: adr,
          hasHeaders: !!avecEntetes,
          style: "TableStyleMedium2",
          showTotals: false,
          showHeaders: true,
        };
        f().tables.push(t);
        return table(t);
      };
      void coll;
    }

    /*
     * Worksheet.notes (ExcelApi 1.18): add(cell, content), items (load) with content and delete(). Like Excel, range
     * clear() leaves notes in place. A second note on one cell is refused, so a note stacked by a re-run fails loudly.
     */
    /**
     * The cells of a sheet's notes, as a set (45 000 notes of a comparison: a search of the list for each note added
     * would take a minute); made again when the list changed otherwise (a note deleted).
     */
    var indexNotes = new WeakMap();
    function cellulesNotees(l) {
      var s = indexNotes.get(l);
      if (!s || s.size !== l.length) {
        s = new Set(
          l.map(function (x) {
            return x.cell;
          }),
        );
        indexNotes.set(l, s);
      }
      return s;
    }

    function Notes(ctx, f) {
      chargeable(
        ctx,
        this,
        function () {
          return {
            items: f().notes.map(function (n) {
              return note(n);
            }),
          };
        },
        ["items"],
      );
      function note(n) {
        var o = {
          delete: function () {
            ctx._appel("note.delete");
            var l = f().notes;
            if (l.indexOf(n) >= 0) l.splice(l.indexOf(n), 1);
          },
          load: function () {
            return o;
          },
        };
        Object.defineProperty(o, "content", {
          enumerable: true,
          get: function () {
            return n.content;
          },
          set: function (v) {
            ctx._appel("note.content", v);
            n.content = v;
          },
        });
        return o;
      }
      this.add = function (cellule, contenu) {
        ctx._appel("notes.add", contenu);
        var p = parsePlage(typeof cellule === "string" ? cellule : cellule._adresse());
        if (p.feuille !== undefined && trouver(p.feuille) !== f())
          throw erreur("InvalidArgument", "La cellule d'une note est sur une autre feuille");
        if (p.h !== 1 || p.w !== 1) throw erreur("InvalidArgument", "Une note se pose sur une seule cellule");
        if (typeof contenu !== "string") throw erreur("InvalidArgument", "Le contenu d'une note est un texte");
        var a = adresse(p.r, p.c);
        var notees = cellulesNotees(f().notes);
        if (notees.has(a)) throw erreur("InvalidOperation", "La cellule " + a + " a déjà une note");
        var n = { cell: a, content: contenu };
        f().notes.push(n);
        notees.add(a);
        return note(n);
      };
    }

    function Graphiques(ctx, f, idFeuille) {
      chargeable(
        ctx,
        this,
        function () {
          return {
            items: f().charts.map(function (g) {
              return graphique(g);
            }),
          };
        },
        ["items"],
      );
      function serie(g, s) {
        var o = {
          setValues: function (p) {
            ctx._appel("series.setValues");
            s.values = p._adresse();
          },
          setXAxisValues: function (p) {
            ctx._appel("series.setXAxisValues");
            s.categories = p._adresse();
          },
          delete: function () {
            ctx._appel("series.delete");
            g.series.splice(g.series.indexOf(s), 1);
          },
          load: function () {
            return o;
          },
        };
        Object.defineProperty(o, "name", {
          enumerable: true,
          get: function () {
            return s.name;
          },
          set: function (v) {
            ctx._appel("series.name", v);
            s.name = v;
          },
        });
        return o;
      }
      function graphique(g) {
        var o = { title: {}, series: {}, legend: {}, axes: { valueAxis: { format: {} }, categoryAxis: {} } };
        Object.defineProperty(o.title, "text", {
          enumerable: true,
          get: function () {
            return g.title;
          },
          set: function (v) {
            ctx._appel("chart.title", v);
            g.title = v;
          },
        });
        Object.defineProperty(o, "name", {
          enumerable: true,
          get: function () {
            return g.name;
          },
          set: function (v) {
            ctx._appel("chart.name", v);
            g.name = v;
          },
        });
        Object.defineProperty(o.legend, "position", {
          enumerable: true,
          get: function () {
            return g.legend;
          },
          set: function (v) {
            g.legend = v;
          },
        });
        o.series.getItemAt = function (i) {
          if (!g.series[i]) throw erreur("ItemNotFound", "Série " + i);
          return serie(g, g.series[i]);
        };
        o.series.add = function (nom) {
          ctx._appel("series.add", nom);
          var s = { name: nom, values: null, categories: null };
          g.series.push(s);
          return serie(g, s);
        };
        o.series.load = function () {
          return o.series;
        };
        Object.defineProperty(o.series, "count", {
          get: function () {
            return g.series.length;
          },
        });
        o.setPosition = function (debut, fin) {
          ctx._appel("chart.setPosition");
          g.position = { debut: String(debut), fin: fin === undefined ? undefined : String(fin) };
        };
        o.delete = function () {
          ctx._appel("chart.delete");
          var l = f().charts;
          l.splice(l.indexOf(g), 1);
        };
        o.load = function () {
          return o;
        };
        return o;
      }
      this.add = function (type, source, parSerie) {
        ctx._appel("charts.add", type);
        if (!source || !source._adresse) throw erreur("InvalidArgument", "charts.add attend une plage");
        var g = {
          type: type,
          source: source._adresse(),
          seriesBy: parSerie,
          title: "",
          name: "Graphique " + (f().charts.length + 1),
          series: [],
        };
        // Like Excel: one series per column (or per row when seriesBy is "Rows") of the source range.
        var n = parSerie === "Rows" ? source._h : source._w;
        for (var i = 0; i < (n || 1); i++) {
          var s =
            parSerie === "Rows"
              ? new Plage(ctx, source._idFeuille, source._r + i, source._c, 1, source._w)
              : new Plage(ctx, source._idFeuille, source._r, source._c + i, source._h, 1);
          g.series.push({ name: "Série" + (i + 1), values: s._adresse(), categories: null });
        }
        f().charts.push(g);
        void idFeuille;
        return graphique(g);
      };
    }

    function Plage(ctx, idFeuille, r, c, h, w, bornes) {
      var self = this;
      var f = function () {
        return parId(idFeuille);
      };
      function dims() {
        if (bornes) {
          var b = bornes();
          r = b.r;
          c = b.c;
          h = b.h;
          w = b.w;
        }
      }
      this._idFeuille = idFeuille;
      Object.defineProperty(this, "_r", {
        get: function () {
          return r;
        },
      });
      Object.defineProperty(this, "_c", {
        get: function () {
          return c;
        },
      });
      Object.defineProperty(this, "_h", {
        get: function () {
          return h;
        },
      });
      Object.defineProperty(this, "_w", {
        get: function () {
          return w;
        },
      });
      this._adresseLocale = function () {
        return h === 1 && w === 1 ? adresse(r, c) : adresse(r, c) + ":" + adresse(r + h - 1, c + w - 1);
      };
      this._adresse = function () {
        return nomRef(f().name) + "!" + self._adresseLocale();
      };
      function matrice(fn) {
        var out = [];
        for (var i = 0; i < h; i++) {
          var ligne = [];
          for (var j = 0; j < w; j++) ligne.push(fn(f().cells.get(r + i + ":" + (c + j))));
          out.push(ligne);
        }
        return out;
      }
      function valeur(cell) {
        return !cell || cell.v === null || cell.v === undefined ? "" : cell.v;
      }
      var MATRICES = ["values", "formulas", "numberFormat", "valueTypes", "text"];
      function masquage() {
        var x = f(),
          n = 0;
        for (var j = c; j < c + w; j++) if (x.masquees[j]) n++;
        return n === w ? true : n === 0 ? false : null;
      }
      /** The hidden rows counted from the sheet's hidden ones (a whole-sheet range has a million rows). */
      function masquageLignes() {
        var x = f().lignesMasquees,
          n = 0,
          cles = Object.keys(x);
        if (h <= cles.length) for (var i = r; i < r + h; i++) n += x[i] ? 1 : 0;
        else
          cles.forEach(function (k) {
            if (Number(k) >= r && Number(k) < r + h) n++;
          });
        return n === h ? true : n === 0 ? false : null;
      }
      /** Cells are copied only when a cell matrix is loaded: columnHidden of a whole column stays cheap. */
      this._lire = function (demandees, ancien) {
        dims();
        var s = {
          address: self._adresse(),
          rowIndex: r,
          columnIndex: c,
          rowCount: h,
          columnCount: w,
          columnHidden: masquage(),
          rowHidden: masquageLignes(),
        };
        if (
          demandees &&
          !demandees.some(function (p) {
            return MATRICES.indexOf(p) >= 0;
          })
        ) {
          MATRICES.forEach(function (p) {
            if (ancien && p in ancien) s[p] = ancien[p];
            else
              Object.defineProperty(s, p, {
                enumerable: false,
                get: function () {
                  throw erreur("PropertyNotLoaded", "La propriété " + p + " n'a pas été chargée (load + sync)");
                },
              });
          });
          return s;
        }
        if (h * w > 5000000) {
          s.values = null;
          s.formulas = null;
          s.numberFormat = null;
          return s;
        }
        var m = {
          values: matrice(valeur),
          formulas: matrice(function (cell) {
            return cell && cell.f ? cell.f : valeur(cell);
          }),
          numberFormat: matrice(function (cell) {
            return (cell && cell.fmt) || "General";
          }),
          valueTypes: matrice(function (cell) {
            if (!cell || cell.v === null || cell.v === undefined || cell.v === "") return "Empty";
            if (cell.erreur) return "Error";
            return typeof cell.v === "number" ? "Double" : typeof cell.v === "boolean" ? "Boolean" : "String";
          }),
        };
        m.text = m.values.map(function (l) {
          return l.map(String);
        });
        MATRICES.forEach(function (p) {
          s[p] = m[p];
        });
        return s;
      };
      chargeable(
        ctx,
        this,
        function (demandees, ancien) {
          return self._lire(demandees, ancien);
        },
        [
          "address",
          "rowIndex",
          "columnIndex",
          "rowCount",
          "columnCount",
          "columnHidden",
          "rowHidden",
          "values",
          "formulas",
          "numberFormat",
          "valueTypes",
          "text",
        ],
      );
      function ecrireMatrice(nom, m, fn) {
        if (
          !Array.isArray(m) ||
          m.length !== h ||
          m.some(function (l) {
            return !Array.isArray(l) || l.length !== w;
          })
        )
          throw erreur(
            "InvalidArgument",
            nom + " : dimensions " + (m && m.length) + "×" + (m && m[0] && m[0].length) + " ≠ plage " + h + "×" + w,
          );
        for (var i = 0; i < h; i++) for (var j = 0; j < w; j++) fn(r + i, c + j, m[i][j]);
      }
      this._ecrire = function (p, v) {
        dims();
        if (p === "columnHidden") {
          ctx._appel("columnHidden", v);
          mettre("columnHidden", v);
          var x = f();
          for (var j = c; j < c + w; j++)
            if (v) x.masquees[j] = true;
            else delete x.masquees[j];
          return;
        }
        if (p === "rowHidden") {
          ctx._appel("rowHidden", v);
          mettre("rowHidden", v);
          var y = f();
          if (v) for (var i = r; i < r + h; i++) y.lignesMasquees[i] = true;
          else
            Object.keys(y.lignesMasquees).forEach(function (k) {
              if (Number(k) >= r && Number(k) < r + h) delete y.lignesMasquees[k];
            });
          return;
        }
        ctx._appel("set " + p + " " + self._adresse() + " " + h + "x" + w, v);
        ctx._ops[ctx._ops.length - 1] = { op: "set", prop: p, feuille: f().name, r: r, c: c, h: h, w: w };
        if (p === "values" || p === "formulas")
          ecrireMatrice(p, v, function (i, j, x) {
            ecrireCellule(f(), i, j, x);
          });
        else if (p === "numberFormat")
          ecrireMatrice(p, v, function (i, j, x) {
            if (x === null || x === undefined) return;
            var k = i + ":" + j,
              cell = f().cells.get(k) || { v: null };
            cell.fmt = x;
            f().cells.set(k, cell);
          });
        else throw erreur("InvalidArgument", p + " est en lecture seule");
      };
      function mettre(cle, v) {
        var m = f().mises[self._adresseLocale()] || (f().mises[self._adresseLocale()] = {});
        m[cle] = v;
      }
      function proprietes(obj, prefixe, noms, effet) {
        noms.forEach(function (n) {
          var val;
          Object.defineProperty(obj, n, {
            enumerable: true,
            get: function () {
              return val;
            },
            set: function (v) {
              ctx._appel(prefixe + n, v);
              val = v;
              (effet || mettre)(prefixe + n, v);
            },
          });
        });
        return obj;
      }
      var bordures = {};
      this.format = proprietes(
        {
          fill: proprietes(
            {
              clear: function () {
                mettre("fill.color", null);
              },
            },
            "fill.",
            ["color"],
          ),
          font: proprietes({}, "font.", ["bold", "italic", "color", "size", "name"]),
          borders: {
            getItem: function (bord) {
              return (
                bordures[bord] ||
                (bordures[bord] = proprietes({}, "border." + bord + ".", ["style", "weight", "color"]))
              );
            },
          },
          autofitColumns: function () {
            ctx._appel("autofitColumns");
          },
          autofitRows: function () {
            ctx._appel("autofitRows");
          },
        },
        "",
        ["wrapText", "horizontalAlignment", "verticalAlignment", "rowHeight", "useStandardHeight"],
      );
      proprietes(this.format, "", ["columnWidth"], function (cle, v) {
        for (var j = 0; j < w; j++) f().largeurs[colLettres(c + j)] = v;
      });
      var formatProps = this.format;
      Object.defineProperty(formatProps, "useStandardWidth", {
        enumerable: true,
        get: function () {
          return false;
        },
        set: function (v) {
          ctx._appel("useStandardWidth", v);
          if (v) {
            var x = f();
            Object.keys(x.largeurs).forEach(function (k) {
              var j = lettresCol(k);
              if (j >= c && j < c + w) delete x.largeurs[k];
            });
          }
        },
      });
      this.merge = function () {
        ctx._appel("merge");
        f().merges.push(self._adresseLocale());
      };
      this.unmerge = function () {
        ctx._appel("unmerge");
        var x = f();
        x.merges = x.merges.filter(function (m) {
          return !chevauche(m);
        });
      };
      function chevauche(a) {
        var p = parsePlage(a);
        return !(p.r > r + h - 1 || p.r + p.h - 1 < r || p.c > c + w - 1 || p.c + p.w - 1 < c);
      }
      this.clear = function (quoi) {
        ctx._appel("clear", quoi);
        var x = f();
        x.cells.forEach(function (cell, k) {
          var rc = k.split(":");
          if (+rc[0] < r || +rc[0] >= r + h || +rc[1] < c || +rc[1] >= c + w) return;
          if (quoi === "Formats") delete cell.fmt;
          else if (quoi === "Contents") {
            cell.v = null;
            delete cell.f;
          } else x.cells.delete(k);
        });
        if (quoi !== "Contents")
          Object.keys(x.mises).forEach(function (a) {
            if (chevauche(a)) delete x.mises[a];
          });
      };
      this.conditionalFormats = {
        add: function (type) {
          ctx._appel("conditionalFormats.add", type);
          var cf = { range: self._adresseLocale(), type: type, formula: null, fill: null, fontColor: null, bold: null };
          f().conditionalFormats.push(cf);
          var format = { fill: {}, font: {} };
          Object.defineProperty(format.fill, "color", {
            set: function (v) {
              cf.fill = v;
            },
            get: function () {
              return cf.fill;
            },
          });
          Object.defineProperty(format.font, "color", {
            set: function (v) {
              cf.fontColor = v;
            },
            get: function () {
              return cf.fontColor;
            },
          });
          Object.defineProperty(format.font, "bold", {
            set: function (v) {
              cf.bold = v;
            },
            get: function () {
              return cf.bold;
            },
          });
          var rule = {};
          Object.defineProperty(rule, "formula", {
            set: function (v) {
              ctx._appel("cf.formula", v);
              cf.formula = v;
            },
            get: function () {
              return cf.formula;
            },
          });
          return { custom: { rule: rule, format: format } };
        },
        clearAll: function () {
          ctx._appel("conditionalFormats.clearAll");
          var x = f();
          x.conditionalFormats = x.conditionalFormats.filter(function (cf) {
            return !chevauche(cf.range);
          });
        },
      };
      var dv = {};
      ["rule", "prompt", "errorAlert", "ignoreBlanks"].forEach(function (p) {
        Object.defineProperty(dv, p, {
          enumerable: true,
          get: function () {
            var v = trouverDv();
            return v && v[p];
          },
          set: function (v) {
            ctx._appel("dataValidation." + p, v);
            var x = trouverDv();
            if (!x) {
              x = { range: self._adresseLocale() };
              f().validations.push(x);
            }
            if (p === "rule" && x.rule)
              throw erreur("InvalidOperation", "La plage a déjà une validation : clear() d'abord");
            x[p] = v;
          },
        });
      });
      function trouverDv() {
        var a = self._adresseLocale();
        return f().validations.filter(function (v) {
          return v.range === a;
        })[0];
      }
      dv.clear = function () {
        ctx._appel("dataValidation.clear");
        var x = f();
        x.validations = x.validations.filter(function (v) {
          return !chevauche(v.range);
        });
      };
      this.dataValidation = dv;
      this.getEntireColumn = function () {
        return new Plage(ctx, idFeuille, 0, c, 1048576, w);
      };
      this.getEntireRow = function () {
        return new Plage(ctx, idFeuille, r, 0, h, 16384);
      };
      this.getCell = function (i, j) {
        return new Plage(ctx, idFeuille, r + i, c + j, 1, 1);
      };
      this.getResizedRange = function (dh, dw) {
        return new Plage(ctx, idFeuille, r, c, h + dh, w + dw);
      };
      this.select = function () {
        ctx._appel("select");
        etat.selection = self._adresse();
        etat.active = f().name;
      };
      this.getMergedAreasOrNullObject = function () {
        ctx._appel("getMergedAreas");
        var trouvees = [];
        var o = { areas: {} };
        chargeable(
          ctx,
          o.areas,
          function () {
            return {
              items: trouvees.map(function (a) {
                return { address: nomRef(f().name) + "!" + a };
              }),
            };
          },
          ["items"],
        );
        o.load = function () {
          o.areas.load();
          return o;
        };
        ctx._pendants.push(function () {
          dims();
          trouvees = f().merges.filter(chevauche);
        });
        return objetNul(ctx, o, function () {
          return trouvees.length > 0;
        });
      };
    }

    function run(a, b) {
      var cb = typeof a === "function" ? a : b;
      var ctx = new Contexte();
      return Promise.resolve(cb(ctx)).then(function (res) {
        if (ctx._ops.length || ctx._pendants.length)
          return ctx.sync().then(function () {
            return res;
          });
        return res;
      });
    }

    function instantane() {
      return {
        feuilles: etat.feuilles.map(function (x, i) {
          var h = 0,
            w = 0;
          x.cells.forEach(function (cell, k) {
            var rc = k.split(":");
            if ((cell.v !== null && cell.v !== undefined) || cell.f) {
              h = Math.max(h, +rc[0] + 1);
              w = Math.max(w, +rc[1] + 1);
            }
          });
          var valeurs = [],
            formules = [],
            formats = [];
          for (var r = 0; r < h; r++) {
            var lv = [],
              lf = [],
              lt = [];
            for (var c = 0; c < w; c++) {
              var cell = x.cells.get(r + ":" + c);
              lv.push(cell && cell.v !== undefined ? cell.v : null);
              lf.push(cell && cell.f ? cell.f : null);
              lt.push(cell && cell.fmt ? cell.fmt : null);
            }
            valeurs.push(lv);
            formules.push(lf);
            formats.push(lt);
          }
          return {
            name: x.name,
            position: i,
            visibility: x.visibility,
            tabColor: x.tabColor,
            valeurs: valeurs,
            formules: formules,
            formats: formats,
            tables: x.tables.slice(),
            validations: x.validations.slice(),
            conditionalFormats: x.conditionalFormats.slice(),
            charts: x.charts.slice(),
            merges: x.merges.slice(),
            freeze: x.freeze,
            pageLayout: x.pageLayout,
            largeurs: x.largeurs,
            mises: x.mises,
            notes: x.notes.reduce(function (o, n) {
              o[n.cell] = n.content;
              return o;
            }, {}),
            colonnesMasquees: Object.keys(x.masquees)
              .map(Number)
              .sort(function (a, b) {
                return a - b;
              }),
            lignesMasquees: Object.keys(x.lignesMasquees)
              .map(Number)
              .sort(function (a, b) {
                return a - b;
              }),
          };
        }),
        syncs: etat.syncs,
        selection: etat.selection,
        active: etat.active,
        calculsSuspendus: etat.calculsSuspendus,
      };
    }

    /*
     * Office.context.document.settings: get/set/remove on the live values, saveAsync keeps them "in the file"
     * (Excel.__etat().reglages). In a browser the saved values also go to sessionStorage, so reloading the
     * page (the same workbook reopened) finds them; a fixture's `reglages` are the file's saved settings.
     */
    var STOCKAGE = "__prodbookReglages";
    function session() {
      try {
        return typeof window !== "undefined" && window.sessionStorage ? window.sessionStorage : null;
      } catch (e) {
        // A sandboxed frame (office.js's telemetry iframe) has no storage.
        return null;
      }
    }
    var enregistres = {};
    var courants = {};
    function chargerReglages(fx) {
      enregistres = {};
      var stock = session() ? session().getItem(STOCKAGE) : null;
      var depart = stock ? JSON.parse(stock) : (fx && fx.reglages) || {};
      Object.keys(depart).forEach(function (k) {
        enregistres[k] = depart[k];
      });
      courants = JSON.parse(JSON.stringify(enregistres));
    }
    chargerReglages(fixture);
    var reglages = {
      get: function (k) {
        return Object.prototype.hasOwnProperty.call(courants, k) ? JSON.parse(JSON.stringify(courants[k])) : null;
      },
      set: function (k, v) {
        courants[k] = JSON.parse(JSON.stringify(v));
      },
      remove: function (k) {
        delete courants[k];
      },
      saveAsync: function (opts, cb) {
        var rappel = typeof opts === "function" ? opts : cb;
        enregistres = JSON.parse(JSON.stringify(courants));
        if (session()) session().setItem(STOCKAGE, JSON.stringify(enregistres));
        var res = { status: "succeeded", value: undefined, error: null };
        if (rappel)
          setTimeout(function () {
            rappel(res);
          }, 0);
      },
    };
    function instantaneAvecReglages() {
      var e = instantane();
      e.reglages = JSON.parse(JSON.stringify(enregistres));
      return e;
    }

    /*
     * Excel's calculation, which this fake does not do, given from outside: `resultats` maps each address of sheet
     * `nom` to { f, v }, the formula and the value a calculating application (LibreOffice) computed for it. Every
     * formula of the sheet gets its value; a cell whose formula is not `f` (or that holds none), or a formula of the
     * sheet left without a result, throws, naming the cell: only the sheet's own formulas are given values.
     * v: a number, a text, a boolean, or { erreur: "#N/A" }. Returns the number of formulas given a value.
     */
    function calculer(nom, resultats) {
      var f = trouver(nom);
      if (!f) throw erreur("ItemNotFound", "Feuille absente : " + nom);
      var n = 0;
      Object.keys(resultats).forEach(function (ref) {
        var p = parsePlage(ref);
        var cell = f.cells.get(p.r + ":" + p.c);
        var attendu = resultats[ref];
        if (!cell || cell.f !== attendu.f)
          throw erreur(
            "InvalidArgument",
            nom + "!" + ref + " : formule " + (cell && cell.f) + " dans le classeur, " + attendu.f + " calculée",
          );
        var v = attendu.v;
        cell.v = v && typeof v === "object" ? v.erreur : v;
        if (v && typeof v === "object") cell.erreur = true;
        else delete cell.erreur;
        n++;
      });
      f.cells.forEach(function (cell, k) {
        var rc = k.split(":");
        if (cell.f && !Object.prototype.hasOwnProperty.call(resultats, adresse(+rc[0], +rc[1])))
          throw erreur("InvalidArgument", nom + "!" + adresse(+rc[0], +rc[1]) + " : formule sans valeur calculée");
      });
      return n;
    }

    var api = {
      run: run,
      __calculer: calculer,
      __etat: instantaneAvecReglages,
      __charger: function (fx) {
        charger(fx);
        if (session()) session().removeItem(STOCKAGE);
        chargerReglages(fx);
      },
      __parsePlage: parsePlage,
      /** The next sync fails with this Office error code (as Excel does: cell edit mode, protected sheet…). */
      __echouerAuProchainSync: function (code, message) {
        etat.echec = { code: code, message: message };
      },
      __reglages: reglages,
    };
    Object.keys(ENUMS).forEach(function (k) {
      api[k] = ENUMS[k];
    });
    return api;
  }

  if (typeof module !== "undefined" && module.exports) module.exports = { creerFauxExcel: creerFauxExcel };
  else if (typeof window !== "undefined") {
    window.Excel = creerFauxExcel(window.__prodbookFixture || {});
    // Office.js (loaded after this script) replaces window.Office and gives a context without a document outside
    // Office: once it has run, and before the pane's code is ready, give it the workbook's settings and theme.
    var installer = function () {
      var ctx = window.Office && window.Office.context;
      if (!ctx || ctx.document) return;
      // Office's theme events: the pane registers for OfficeThemeChanged; window.__changerThemeOffice(theme) plays
      // the user choosing another Office theme (File > Account > Office Theme).
      var abonnes = [];
      ctx.document = {
        settings: window.Excel.__reglages,
        addHandlerAsync: function (type, handler, callback) {
          if (type === "officeThemeChanged" || type === (window.Office.EventType || {}).OfficeThemeChanged)
            abonnes.push(handler);
          if (typeof callback === "function") callback({ status: "succeeded" });
        },
      };
      var theme = (window.__prodbookFixture || {}).theme;
      if (theme) ctx.officeTheme = theme;
      window.__changerThemeOffice = function (nouveau) {
        ctx.officeTheme = nouveau;
        abonnes.forEach(function (h) {
          h({ type: "officeThemeChanged", officeTheme: nouveau });
        });
        return abonnes.length;
      };
    };
    window.document.addEventListener("readystatechange", installer);
    window.addEventListener("DOMContentLoaded", installer);
    // Office.context may not exist yet at those events (office.js builds it as it starts, sooner or later on a busy
    // machine): the pane's Office.onReady callback also gets the context installed first. Office.onReady is wrapped as
    // soon as office.js has run — a parser-inserted script is followed by a microtask checkpoint, where the
    // MutationObserver below is called, before the pane's own script runs.
    var envelopper = function () {
      var O = window.Office;
      if (!O || typeof O.onReady !== "function" || O.onReady.__fauxExcel) return;
      var original = O.onReady;
      var enveloppe = function (rappel) {
        var p = original.call(O, function (info) {
          installer();
          return typeof rappel === "function" ? rappel(info) : undefined;
        });
        return p && typeof p.then === "function"
          ? p.then(function (info) {
              installer();
              return info;
            })
          : p;
      };
      enveloppe.__fauxExcel = true;
      O.onReady = enveloppe;
    };
    new window.MutationObserver(envelopper).observe(window.document, { childList: true, subtree: true });
  }
})();
