import { promises as fs, type WriteStream } from "fs";
import { Writable } from "stream";
import * as path from "path";
import type ExcelJS from "exceljs";
import {
  celluleEcrite,
  toutesLesLignes,
  type OptionsLecture,
  type SheetData,
  type SheetSpec,
  type WorkbookPort,
} from "../core/port/workbook";
import {
  FEUILLE_REGISTRE,
  nomExistant,
  registreApres,
  verifierPossession,
  verifierTables,
} from "../core/port/possession";
import {
  chargerXlsx,
  ClasseurEndommageError,
  FichierIllisibleError,
  formatNonPrisEnCharge,
  lireFeuille,
  nomme,
  nouveauClasseurExcelJS,
  partieEndommagee,
  raisonLecture,
  raisonSysteme,
  zonesDesNoms,
} from "./read";
import { ecrireFeuille } from "./ecrireFeuille";
import { alleger, type MisesDeCote } from "./validationsVolumineuses";
import type { Original } from "./conserverDessins";
import { normaliserPrefixes } from "./prefixes";
import { completerXlsx, type GraphiquesFeuille, type TotauxTable } from "./graphiques";
import { ecrireAvecFlux, specGabarit, type FeuilleEnFlux } from "./feuillesEnFlux";
import type { FeuilleVolumineuse } from "./feuillesVolumineuses";
import { lireFeuilleMiseDeCote } from "./lectureMiseDeCote";
import { XmlIllisibleError } from "./xml";
import { completerStylesTables, nomsTables, placerOnglet, positionOnglet } from "./exceljsInterne";
import { ErreurDonnees } from "../core/erreurs";

/** Reading one of Prodbook's bulk sheets back (a Grand livre of a million lines) is not supported. */
export class FeuilleVolumineuseError extends ErreurDonnees {
  constructor(public readonly feuille: string) {
    super(
      `La feuille « ${feuille} » est trop volumineuse pour être relue par Prodbook ; elle est conservée telle quelle à l'enregistrement.`,
    );
  }
}

export interface OptionsOuverture {
  seuilFeuille?: number;
  aLire?: readonly string[];
  /**
   * The command reads none of the user's sheets and saves nothing (`versions lister`, `versions comparer --json`
   * of two saved versions): ExcelJS gets them as placeholders, not their rows; reading one is an internal error.
   */
  sansFeuillesUtilisateur?: boolean;
  /**
   * The user's sheets are not given to ExcelJS either, but read back by streaming (lectureMiseDeCote.ts) and put
   * back from their original rows when saving (feuillesVolumineuses.ts): the versions commands, which read the devis
   * and write only Prodbook's sheets, so pay neither for ExcelJS's reading of the producer's sheets nor for its writing.
   */
  utilisateurEnFlux?: boolean;
  /**
   * Prodbook's sheets (their usual names, « Grand livre ») the command neither reads nor keeps: it writes them anew
   * (`ecarts -o`). Their rows are not read at all, whatever their size (a 600 MB Grand livre is not inflated); reading
   * one, or saving the workbook without having rewritten it, is an internal error (its rows would be lost).
   */
  remplacees?: readonly string[];
}

/** WorkbookPort over an .xlsx file (ExcelJS); charts are added to the zip when saving. */
export class XlsxWorkbook implements WorkbookPort {
  /** Charts to add at save time, by sheet name (ExcelJS cannot write charts). */
  private graphiques = new Map<string, GraphiquesFeuille>();
  /** Tables' custom totals formulas to complete at save time, by sheet name. */
  private totaux = new Map<string, TotauxTable[]>();

  /** The name of the file read (ouvrir), for a damaged part met when reading a sheet set aside. */
  private fichier = "classeur";

  /** Sheets whose bulk rows are streamed at save time, by sheet name (see feuillesEnFlux.ts). */
  private flux = new Map<string, FeuilleEnFlux>();

  /** Sheets (lower-case names) written in this session: the others keep the original file's charts. */
  private reecrites = new Set<string>();

  private constructor(
    readonly classeur: ExcelJS.Workbook,
    private readonly original?: Original,
    /** What ExcelJS would lose or choke on, set aside when the file was read (see validationsVolumineuses.ts). */
    private readonly misesDeCote: MisesDeCote = {
      validations: new Map(),
      extensions: new Map(),
      feuilles: new Map(),
      formats: new Map(),
    },
  ) {}

  /**
   * `seuilFeuille`: size (uncompressed XML) above which Prodbook's own sheets are not loaded (see feuillesVolumineuses.ts).
   * `aLire`: Prodbook's sheets not given to ExcelJS whatever their size, read back by a streaming reader and put back
   * unchanged when saving unless rewritten (the versions commands: « Versions », see lectureMiseDeCote.ts).
   */
  static async ouvrir(chemin: string, opts: OptionsOuverture = {}): Promise<XlsxWorkbook> {
    const nom = path.basename(chemin);
    let data: Buffer;
    try {
      data = await fs.readFile(chemin);
    } catch (e) {
      throw new FichierIllisibleError(nom, raisonSysteme(e));
    }
    const format = formatNonPrisEnCharge(data);
    if (format) throw new FichierIllisibleError(nom, format);
    let allege: Awaited<ReturnType<typeof alleger>>;
    try {
      // Parts written with namespace prefixes (valid, but ExcelJS reads names literally) are rewritten first.
      data = (await normaliserPrefixes(data)) ?? data;
      allege = await alleger(
        data,
        opts.seuilFeuille,
        opts.aLire,
        opts.sansFeuillesUtilisateur,
        opts.utilisateurEnFlux,
        opts.remplacees,
      );
    } catch (e) {
      if (e instanceof ErreurDonnees) throw e;
      // A part Prodbook reads itself (the workbook, a sheet) that is no XML: the file is damaged, that part named.
      const partie = await partieEndommagee(e, data);
      if (partie) throw new ClasseurEndommageError(nom, partie);
      throw new FichierIllisibleError(nom, raisonLecture(e));
    }
    const { donnees, misesDeCote } = allege;
    const classeur = await chargerXlsx(donnees, nom);
    // Zip entry names are stored in clear: no "xl/charts/" means there is no chart to keep.
    const zones = zonesDesNoms(data);
    const avecGraphiques = nomme(zones, "xl/charts/");
    // A chart sheet (« xl/chartsheets/ »), which ExcelJS neither reads nor writes, is copied back when saving.
    const feuillesGraphiques = nomme(zones, "xl/chartsheets/");
    // The charts are copied back from the package given to ExcelJS: the same drawings and charts as the file's,
    // without the rows of the sheets set aside (JSZip would read a 75 MB Grand livre again when saving).
    const wb = new XlsxWorkbook(
      classeur,
      avecGraphiques || feuillesGraphiques
        ? {
            donnees,
            feuilles: classeur.worksheets.map((w) => w.name),
            ...(feuillesGraphiques ? { feuillesGraphiques } : {}),
          }
        : undefined,
      misesDeCote,
    );
    wb.fichier = nom;
    return wb;
  }

  static vide(): XlsxWorkbook {
    return new XlsxWorkbook(nouveauClasseurExcelJS());
  }

  async listSheets(): Promise<string[]> {
    return this.classeur.worksheets.map((w) => w.name).filter((n) => n !== FEUILLE_REGISTRE);
  }

  async readSheet(name: string, options?: OptionsLecture): Promise<SheetData | undefined> {
    const lue = await this.lireSansEtat(name, options);
    const ws = lue && this.feuille(name);
    // A hidden sheet says so (the field only then, like colonnesMasquees).
    return lue && ws && ws.state !== "visible" ? { ...lue, masquee: true } : lue;
  }

  private async lireSansEtat(name: string, options?: OptionsLecture): Promise<SheetData | undefined> {
    if (name === FEUILLE_REGISTRE) return undefined;
    const ws = this.feuille(name);
    const deCote = ws && this.volumineuse(ws.name);
    if (ws && deCote) {
      if (deCote.nonChargee || deCote.remplacee)
        throw new Error(`Feuille « ${ws.name} » non chargée : la commande ne lit pas ses lignes`);
      if (!deCote.lisible) throw new FeuilleVolumineuseError(ws.name);
      return this.lireMiseDeCote(ws, deCote, options);
    }
    // ExcelJS holds only the first bulk row of a streamed sheet: its rows come from the spec.
    const flux = ws && this.flux.get(ws.name);
    if (flux)
      return {
        name: ws.name,
        rows: toutesLesLignes(flux.spec).map((r) => r.map(celluleEcrite)),
        merges: flux.spec.merges ?? [],
      };
    return ws && lireFeuille(ws);
  }

  /** A sheet set aside on request, read from the original part; number formats by style id from the placeholder. */
  private async lireMiseDeCote(
    ws: ExcelJS.Worksheet,
    f: FeuilleVolumineuse,
    options?: OptionsLecture,
  ): Promise<SheetData> {
    try {
      return await lireFeuilleMiseDeCote(
        f,
        {
          // The placeholder holds one cell per style id: style s at row s / 16384 + 1, column s % 16384 + 1.
          format: (s) => ws.findCell(Math.floor(s / 16384) + 1, (s % 16384) + 1)?.numFmt || undefined,
          date1904: !!this.classeur.properties?.date1904,
          partagees: f.partagees,
          liens: f.liens,
        },
        options,
      );
    } catch (e) {
      // Its rows are no XML (bytes changed in them): the file is damaged, that part named, as when opening it.
      if (e instanceof XmlIllisibleError) throw new ClasseurEndommageError(this.fichier, e.partie);
      throw e;
    }
  }

  async feuillesProdbook(): Promise<string[]> {
    const ws = this.classeur.getWorksheet(FEUILLE_REGISTRE);
    if (!ws) return [];
    const noms: string[] = [];
    ws.getColumn(1).eachCell((c) => {
      const v = c.value;
      if (typeof v === "string" && v.trim()) noms.push(v.trim());
    });
    return noms;
  }

  async writeSheets(specs: SheetSpec[], onProgress?: (fait: number, total: number) => void): Promise<void> {
    const prodbook = await this.feuillesProdbook();
    verifierPossession(specs, await this.listSheets(), prodbook);
    const remplacees = new Set(specs.map((s) => s.name.toLowerCase()));
    verifierTables(
      specs,
      this.classeur.worksheets.filter((w) => !remplacees.has(w.name.toLowerCase())).flatMap((w) => nomsTables(w)),
    );
    specs.forEach((spec, i) => {
      const ancienne = this.feuille(spec.name);
      let ordre: number | undefined;
      if (ancienne) {
        ordre = positionOnglet(ancienne);
        this.graphiques.delete(ancienne.name);
        this.totaux.delete(ancienne.name);
        this.flux.delete(ancienne.name);
        this.classeur.removeWorksheet(ancienne.id);
      }
      const ws = this.classeur.addWorksheet(spec.name);
      this.reecrites.add(spec.name.toLowerCase());
      // Replacing keeps the tab position.
      if (ordre !== undefined) placerOnglet(ws, ordre);
      this.totaux.set(spec.name, ecrireFeuille(ws, spec.bulk ? specGabarit(spec) : spec));
      if (spec.bulk && spec.bulk.count > 0) this.flux.set(spec.name, { spec, gabarit: spec.rows.length + 1 });
      if (spec.charts?.length) this.graphiques.set(spec.name, { feuille: spec.name, charts: spec.charts });
      onProgress?.(i + 1, specs.length);
    });
    this.ecrireRegistre(registreApres(prodbook, specs));
    this.activerFeuilleVisible();
    // Cached results are only a preview: Excel recomputes every formula when the file is opened.
    this.classeur.calcProperties = { ...this.classeur.calcProperties, fullCalcOnLoad: true };
  }

  async selectCell(): Promise<void> {
    /* nothing to select in a file */
  }

  async toBuffer(): Promise<Buffer> {
    const flux = this.fluxAEcrire(),
      restituees = this.aRestituer();
    const xlsx = await this.paquet(flux.length > 0 || restituees.length > 0);
    if (!flux.length && !restituees.length) return xlsx;
    const morceaux: Buffer[] = [];
    const collecteur = new Writable({
      write(c: Buffer, _e, fini) {
        morceaux.push(c);
        fini();
      },
    });
    await ecrireAvecFlux(xlsx, flux, restituees, collecteur);
    return Buffer.concat(morceaux);
  }

  /** Writes next to the target then renames: a failure never leaves a half-written workbook under its name. */
  async enregistrer(chemin: string): Promise<void> {
    await fs.mkdir(path.dirname(path.resolve(chemin)), { recursive: true });
    const flux = this.fluxAEcrire(),
      restituees = this.aRestituer();
    const xlsx = await this.paquet(flux.length > 0 || restituees.length > 0);
    const temporaire = `${chemin}.${process.pid}.tmp`;
    let sortie: WriteStream | undefined;
    try {
      if (flux.length || restituees.length) {
        // Opened before the stream is made: a path where no file can be created (/proc, a read-only disk) rejects
        // here, never as an 'error' event emitted while the zip is prepared, before anyone listens to it.
        sortie = (await fs.open(temporaire, "w")).createWriteStream();
        await ecrireAvecFlux(xlsx, flux, restituees, sortie);
      } else await fs.writeFile(temporaire, xlsx);
      await fs.rename(temporaire, chemin);
    } catch (e) {
      sortie?.destroy();
      await fs.rm(temporaire, { force: true });
      throw e;
    }
  }

  private fluxAEcrire(): FeuilleEnFlux[] {
    return [...this.flux.values()].filter((f) => this.feuille(f.spec.name));
  }

  /** A sheet read as a placeholder (too large for ExcelJS) and not rewritten since. */
  private volumineuse(nom: string): FeuilleVolumineuse | undefined {
    return this.reecrites.has(nom.toLowerCase()) ? undefined : this.misesDeCote.feuilles.get(nom);
  }

  private aRestituer(): FeuilleVolumineuse[] {
    const out = [...this.misesDeCote.feuilles.values()].filter((f) => this.feuille(f.nom) && this.volumineuse(f.nom));
    const perdue = out.find((f) => f.remplacee);
    if (perdue)
      throw new Error(
        `Feuille « ${perdue.nom} » ouverte pour être remplacée, non réécrite : ses lignes seraient perdues`,
      );
    return out;
  }

  /**
   * The package as ExcelJS writes it, completed with what it cannot write (bulk rows aside). `stocke`: the package
   * is zipped again afterwards (ecrireAvecFlux, with Node's zlib), so its parts are stored, not deflated then inflated
   * again by JavaScript.
   */
  private async paquet(stocke = false): Promise<Buffer> {
    this.completerTables();
    const brut = Buffer.from(
      await this.classeur.xlsx.writeBuffer(stocke ? { zip: { compression: "STORE" } } : undefined),
    );
    const graphiques = [...this.graphiques.values()].filter((g) => this.feuille(g.feuille));
    const totaux = [...this.totaux.entries()].filter(([f]) => this.feuille(f)).flatMap(([, t]) => t);
    const intactes = (this.original?.feuilles ?? []).filter(
      (n) => !this.reecrites.has(n.toLowerCase()) && this.feuille(n),
    );
    const original =
      this.original && (intactes.length || this.original.feuillesGraphiques)
        ? { ...this.original, feuilles: intactes }
        : undefined;
    const gardees = [
      ...new Set([
        ...this.misesDeCote.validations.keys(),
        ...this.misesDeCote.extensions.keys(),
        ...this.misesDeCote.formats.keys(),
      ]),
    ].filter((n) => !this.reecrites.has(n.toLowerCase()) && this.feuille(n));
    const validations = gardees.length ? { misesDeCote: this.misesDeCote, feuilles: gardees } : undefined;
    return graphiques.length || totaux.length || original || validations
      ? completerXlsx(brut, graphiques, totaux, original, validations, stocke ? "STORE" : "DEFLATE")
      : brut;
  }

  /** Tables read from other programs may lack a style (LibreOffice writes none): ExcelJS cannot save them so. */
  private completerTables(): void {
    for (const ws of this.classeur.worksheets) completerStylesTables(ws);
  }

  private feuille(name: string): ExcelJS.Worksheet | undefined {
    const n = nomExistant(
      name,
      this.classeur.worksheets.map((w) => w.name),
    );
    return n === undefined ? undefined : this.classeur.getWorksheet(n);
  }

  private ecrireRegistre(noms: string[]): void {
    const ancien = this.classeur.getWorksheet(FEUILLE_REGISTRE);
    if (ancien) this.classeur.removeWorksheet(ancien.id);
    const ws = this.classeur.addWorksheet(FEUILLE_REGISTRE, { state: "veryHidden" });
    noms.forEach((n, i) => {
      ws.getCell(i + 1, 1).value = n;
    });
  }

  /** Excel refuses a workbook whose active tab is hidden. */
  private activerFeuilleVisible(): void {
    const feuilles = this.classeur.worksheets;
    const views = this.classeur.views?.length
      ? this.classeur.views
      : [{ x: 0, y: 0, width: 12000, height: 8000, visibility: "visible" } as ExcelJS.WorkbookView];
    const actif = views[0].activeTab ?? 0;
    if (feuilles[actif] && feuilles[actif].state === "visible") return;
    const i = feuilles.findIndex((w) => w.state === "visible");
    if (i >= 0) {
      views[0] = { ...views[0], activeTab: i, firstSheet: 0 } as ExcelJS.WorkbookView;
      this.classeur.views = views;
    }
  }
}
