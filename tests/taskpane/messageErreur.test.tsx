/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import * as React from "react";
import { afficherNu } from "./fluentNu";
import { fautes, fautesDeLecture } from "../browser/francaisVolet";
import { FecFormatError } from "../../src/core/comptabilite/fec";
import { ErreurExpliquee } from "../../src/core/erreurs";
import { ConflitFeuilleError } from "../../src/core/port/workbook";
import {
  erreurAffichee,
  MESSAGE_INATTENDU,
  MessageErreur,
  texteErreur,
} from "../../src/taskpane/components/MessageErreur";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { erreurOfficeExpliquee } from "../../src/office/run";

/*
 * No internal error for users: what the pane shows of an error is decided by one function (erreurAffichee). Prodbook's
 * own French errors (ErreurExpliquee, every ErreurDonnees, the sentences the pane passes) are shown as they are; a
 * TypeError, a library's or Office's message (in English) becomes the pane's French sentence, the raw text kept in a
 * collapsed « Détails techniques » for support. The pane's French checks (tests/browser/francaisVolet.ts) read it.
 */

/** The message bar's text as shown (the collapsed details left out), and its details element. */
function affiche(erreur: unknown) {
  const { unmount } = afficherNu(<MessageErreur erreur={erreur} />);
  const barre = screen.getByTestId(TEST_IDS.erreur);
  const details = barre.querySelector<HTMLDetailsElement>(`[data-testid="${TEST_IDS.erreurDetails}"]`);
  const copie = barre.cloneNode(true) as HTMLElement;
  copie.querySelector("details")?.remove();
  const r = { texte: copie.textContent ?? "", details };
  unmount();
  return r;
}

describe("erreurs montrées dans le volet", () => {
  it("une erreur JavaScript (TypeError) : la phrase française du volet, le texte brut replié dans les détails", () => {
    const e = new TypeError("Cannot read properties of undefined (reading 'feuilles')");
    const { texte, details } = affiche(e);
    expect(texte).toBe(`Erreur${MESSAGE_INATTENDU}`);
    expect(texte).not.toContain("Cannot read");
    expect(fautesDeLecture(texte)).toEqual([]);
    expect(fautes(texte)).toEqual([]);
    // Collapsed, for support: the summary, then the raw text.
    expect(details).not.toBeNull();
    expect(details!.open).toBe(false);
    expect(details!.querySelector("summary")!.textContent).toBe("Détails techniques");
    expect(details!.querySelector("pre")!.textContent).toBe(
      "TypeError: Cannot read properties of undefined (reading 'feuilles')",
    );
    // The pane's checker would have caught the raw text, had it been shown.
    expect(fautesDeLecture(details!.textContent!)).not.toEqual([]);
    // What a screen reader announces (Retour's live region) is the French sentence too.
    expect(texteErreur(e)).toBe(MESSAGE_INATTENDU);
  });

  it("un message d'Office en anglais (RichApi.Error, avec son code) : même phrase, le code dans les détails", () => {
    const office = Object.assign(new Error("The argument is invalid or missing or has an incorrect format."), {
      name: "RichApi.Error",
      code: "InvalidArgument",
    });
    const { texte, details } = affiche(office);
    expect(texte).toBe(`Erreur${MESSAGE_INATTENDU}`);
    expect(details!.querySelector("pre")!.textContent).toBe(
      "RichApi.Error (InvalidArgument): The argument is invalid or missing or has an incorrect format.",
    );
    // Something thrown that is no Error at all.
    expect(erreurAffichee({ raison: "inconnue" })).toEqual({
      message: MESSAGE_INATTENDU,
      details: '{"raison":"inconnue"}',
    });
  });

  it("nos erreurs françaises (ErreurDonnees, ErreurExpliquee, phrase du volet) : montrées telles quelles, sans détails", () => {
    const fec = new FecFormatError("Ce fichier n'est pas un FEC lisible : pas de ligne d'en-tête.");
    const conflit = new ConflitFeuilleError("Budget");
    const chargement = new ErreurExpliquee(
      "Prodbook n'a pas pu charger ses calculs : vérifiez la connexion puis recommencez.",
    );
    const phrase = "Le formulaire n'a pas pu être chargé : vérifiez la connexion.";
    for (const e of [fec, conflit, chargement]) {
      const { texte, details } = affiche(e);
      expect(texte).toBe(`Erreur${e.message}`);
      expect(details).toBeNull();
    }
    expect(affiche(phrase)).toEqual({ texte: `Erreur${phrase}`, details: null });
    expect(texteErreur(fec)).toBe(fec.message);
  });

  it("une erreur française qui porte les mots d'Office : le message français, ces mots dans les détails", () => {
    const e = new ErreurExpliquee(
      "Enregistrement des réglages du classeur impossible : Excel l'a refusé. Recommencez.",
      "Access denied (GeneralException)",
    );
    const { texte, details } = affiche(e);
    expect(texte).toBe(`Erreur${e.message}`);
    expect(details!.open).toBe(false);
    expect(details!.querySelector("pre")!.textContent).toBe("Access denied (GeneralException)");
  });

  it("cellule en cours de saisie, feuille protégée (codes d'Office) : ce qu'il faut faire, en français, pas « erreur inattendue »", () => {
    const office = (code: string) =>
      erreurOfficeExpliquee(Object.assign(new Error("The operation failed."), { name: "RichApi.Error", code }));
    for (const code of ["InvalidOperationInCellEditMode", "AccessDenied"]) {
      const { texte, details } = affiche(office(code));
      expect(texte).not.toContain(MESSAGE_INATTENDU);
      expect(texte).toMatch(code === "AccessDenied" ? /protégé.*relancez\.$/ : /validez \(Entrée\).*relancez\.$/);
      expect(fautesDeLecture(texte)).toEqual([]);
      expect(fautes(texte)).toEqual([]);
      expect(details!.querySelector("pre")!.textContent).toBe(`RichApi.Error (${code}): The operation failed.`);
    }
    // Any other Office code stays unexpected.
    expect(affiche(office("GeneralException")).texte).toBe(`Erreur${MESSAGE_INATTENDU}`);
  });
});
