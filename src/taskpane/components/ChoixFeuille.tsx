import { Select } from "@fluentui/react-components";
import * as React from "react";
import { useProduction } from "../production";

/**
 * A picker of the user's devis sheet: « Détection automatique » first, then the sheets whose header Prodbook
 * recognises as a devis, then the others (a sheet that cannot work is never the one preselected).
 */
export function ChoixFeuilleDevis({
  id,
  valeur,
  onChange,
}: {
  id?: string;
  valeur: string;
  onChange: (feuille: string) => void;
}) {
  const p = useProduction();
  const devis = p.detecte?.feuillesDevis ?? [];
  const autres = p.feuilles.filter((f) => !devis.includes(f));
  // A saved value no longer among the sheets stays visible, so the select never shows another one.
  const inconnue = valeur && !p.feuilles.includes(valeur) ? [valeur] : [];
  return (
    <Select data-testid={id} value={valeur} onChange={(_e, d) => onChange(d.value)}>
      <option value="">Détection automatique</option>
      {inconnue.map((f) => (
        <option key={f} value={f}>
          {f}
        </option>
      ))}
      {devis.length > 0 && (
        <optgroup label="Feuilles reconnues comme devis">
          {devis.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </optgroup>
      )}
      {autres.length > 0 && (
        <optgroup label="Autres feuilles">
          {autres.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </optgroup>
      )}
    </Select>
  );
}

/** A picker of any of the user's sheets, « Détection automatique » first. */
export function ChoixFeuille({
  id,
  valeur,
  onChange,
  vide = "Détection automatique",
}: {
  id?: string;
  valeur: string;
  onChange: (feuille: string) => void;
  vide?: string;
}) {
  const p = useProduction();
  return (
    <Select data-testid={id} value={valeur} onChange={(_e, d) => onChange(d.value)}>
      <option value="">{vide}</option>
      {p.feuilles.map((f) => (
        <option key={f} value={f}>
          {f}
        </option>
      ))}
    </Select>
  );
}
