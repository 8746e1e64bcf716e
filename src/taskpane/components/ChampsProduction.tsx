import { Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import type { LangueOeuvre, RegimeCredit } from "../../core/creditImpot/modele";
import type { Genre, TypeOeuvre } from "../../core/devis/model";
import { GENRES, HEBERGEMENTS, LANGUES, OEUVRES, REGIMES, anneeCourante, oeuvreDe, regimeDe } from "../listes";
import { saisieAnnee, saisieDuree } from "../../core/money/saisie";
import { useProduction } from "../production";
import { ChoixFeuilleDevis } from "./ChoixFeuille";
import { type Champ, useChamp } from "./useChamp";

/**
 * The fields of the production context, written once and used by the « Production » panel and the pages
 * (Structurer, Crédit d'impôt, Financement): each reads and changes the shared context, so a value typed on one
 * page is the value of every page. `id` is the field's data-testid; `label`/`hint` may be adapted to the page.
 */
interface PropsChamp {
  id: string;
  label?: string;
  hint?: string;
  className?: string;
}

export function ChampFeuilleDevis({ id, label = "Feuille du devis", hint, className }: PropsChamp) {
  const p = useProduction();
  return (
    <Field label={label} hint={hint} className={className}>
      <ChoixFeuilleDevis
        id={id}
        valeur={p.contexte.feuilleDevis ?? ""}
        onChange={(f) => p.modifier({ feuilleDevis: f || undefined })}
      />
    </Field>
  );
}

/**
 * The genre. `choix` narrows the list (the tax credits know three genres) and `valeur` is then the one shown when
 * the context's genre is not among them.
 */
export function ChampGenre({
  id,
  label = "Genre",
  hint,
  className,
  choix = GENRES,
  valeur,
}: PropsChamp & { choix?: readonly { valeur: Genre; libelle: string }[]; valeur?: Genre }) {
  const p = useProduction();
  const v = valeur ?? p.contexte.genre ?? "";
  return (
    <Field label={label} hint={hint} className={className}>
      <Select
        data-testid={id}
        value={v}
        onChange={(_e, d) => p.modifier({ genre: (d.value || undefined) as Genre | undefined })}
      >
        {valeur === undefined && <option value="">Non précisé</option>}
        {choix.map((g) => (
          <option key={g.valeur} value={g.valeur}>
            {g.libelle}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * Durée and année are read by the shared parser: a refusal shows under the field. A page that checks them before
 * its action passes its own `champ` (useChamp on the same text) so `champsValides` shows and focuses it.
 */
export function ChampDuree({
  id,
  label = "Durée (minutes)",
  hint,
  className,
  champ,
}: PropsChamp & { champ?: Champ<unknown> }) {
  const p = useProduction();
  const interne = useChamp(p.contexte.duree ?? "", saisieDuree);
  const c = champ ?? interne;
  return (
    <Field label={label} hint={hint} className={className} {...c.field}>
      <Input
        {...c.input}
        data-testid={id}
        value={p.contexte.duree ?? ""}
        inputMode="decimal"
        onChange={(_e, d) => p.modifier({ duree: d.value || undefined })}
      />
    </Field>
  );
}

export function ChampAnnee({
  id,
  label = "Année des dépenses",
  hint,
  className,
  champ,
}: PropsChamp & { champ?: Champ<unknown> }) {
  const p = useProduction();
  const interne = useChamp(p.contexte.annee ?? anneeCourante(), saisieAnnee);
  const c = champ ?? interne;
  return (
    <Field label={label} hint={hint} className={className} {...c.field}>
      <Input
        {...c.input}
        data-testid={id}
        value={p.contexte.annee ?? anneeCourante()}
        inputMode="numeric"
        onChange={(_e, d) => p.modifier({ annee: d.value })}
      />
    </Field>
  );
}

export function ChampOeuvre({ id, label = "Type d'œuvre", hint, className }: PropsChamp) {
  const p = useProduction();
  return (
    <Field label={label} hint={hint} className={className}>
      <Select
        data-testid={id}
        value={oeuvreDe(p.contexte)}
        onChange={(_e, d) => p.modifier({ oeuvre: d.value as TypeOeuvre })}
      >
        {OEUVRES.map((o) => (
          <option key={o.valeur} value={o.valeur}>
            {o.libelle}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ChampRegime({ id, label = "Crédit d'impôt", hint, className }: PropsChamp) {
  const p = useProduction();
  return (
    <Field label={label} hint={hint} className={className}>
      <Select
        data-testid={id}
        value={regimeDe(p.contexte)}
        onChange={(_e, d) => p.modifier({ regime: d.value as RegimeCredit })}
      >
        {REGIMES.map((r) => (
          <option key={r.valeur} value={r.valeur}>
            {r.libelle}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ChampHebergement({ id, label = "Hébergement", hint, className }: PropsChamp) {
  const p = useProduction();
  return (
    <Field label={label} hint={hint} className={className}>
      <Select
        data-testid={id}
        value={p.contexte.hebergement ?? "ailleurs"}
        onChange={(_e, d) => p.modifier({ hebergement: d.value as "ailleurs" | "paris" })}
      >
        {HEBERGEMENTS.map((h) => (
          <option key={h.valeur} value={h.valeur}>
            {h.libelle}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ChampLangue({
  id,
  label = "Langue de l'œuvre",
  hint,
  className,
  vide = "Non renseignée",
}: PropsChamp & { vide?: string }) {
  const p = useProduction();
  return (
    <Field label={label} hint={hint} className={className}>
      <Select
        data-testid={id}
        value={p.contexte.langue ?? ""}
        onChange={(_e, d) => p.modifier({ langue: (d.value || undefined) as LangueOeuvre | undefined })}
      >
        <option value="">{vide}</option>
        {LANGUES.map((l) => (
          <option key={l.valeur} value={l.valeur}>
            {l.libelle}
          </option>
        ))}
      </Select>
    </Field>
  );
}
