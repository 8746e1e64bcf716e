/**
 * A date field in French: Fluent's DatePicker (calendar by keyboard or mouse, weeks from Monday, French months
 * and days) with typed input accepted as « 15/04/2026 », « 2026-04-15 » or « 15 avril 2026 ». The page keeps an
 * ISO date string ("" when empty), so its state and the use cases are unchanged; a date that cannot be read is
 * said under the field, never replaced by a guess.
 */
import * as React from "react";
import { Field } from "@fluentui/react-components";
import { DatePicker, type CalendarStrings, type DatePickerErrorType } from "@fluentui/react-datepicker-compat";
import { MOIS, dateFr } from "../francais";

const JOURS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

export const CALENDRIER_FR: CalendarStrings = {
  months: MOIS,
  shortMonths: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
  days: JOURS,
  shortDays: ["D", "L", "M", "M", "J", "V", "S"],
  goToToday: "Aujourd'hui",
  prevMonthAriaLabel: "Mois précédent",
  nextMonthAriaLabel: "Mois suivant",
  prevYearAriaLabel: "Année précédente",
  nextYearAriaLabel: "Année suivante",
  prevYearRangeAriaLabel: "Années précédentes",
  nextYearRangeAriaLabel: "Années suivantes",
  closeButtonAriaLabel: "Fermer le calendrier",
  monthPickerHeaderAriaLabel: "{0}, choisir une autre année",
  yearPickerHeaderAriaLabel: "{0}, choisir un autre mois",
  weekNumberFormatString: "Semaine {0}",
  selectedDateFormatString: "Date choisie : {0}",
  todayDateFormatString: "Aujourd'hui : {0}",
};

const ERREURS: Record<DatePickerErrorType, string> = {
  "invalid-input": "Date non reconnue : écrivez-la comme « 15/04/2026 » ou choisissez-la dans le calendrier.",
  "out-of-bounds": "Date hors de la période acceptée.",
  "required-input": "Indiquez une date.",
};

/** Why a typed « 31/02/2026 » is no date (« février 2026 n'a que 28 jours »), when its figures say it; else undefined. */
function raisonDate(texte: string): string | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(texte.trim()) ?? undefined;
  if (!m) return undefined;
  const [jour, mois, annee] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mois < 1 || mois > 12) return `il n'y a pas de mois ${m[2]}`;
  const jours = new Date(annee, mois, 0).getDate();
  if (jour < 1) return `il n'y a pas de jour ${m[1]}`;
  return jour > jours ? `${MOIS[mois - 1]} ${annee} n'a que ${jours}\u00a0jours` : undefined;
}

/**
 * The message under a field whose typed text was refused: what was typed, why when its figures say it, and the date
 * the field went back to (the page keeps it) — not a date shown in the field next to « Date non reconnue » alone.
 */
export function dateNonReconnue(texte: string, gardee: string): string {
  const raison = raisonDate(texte);
  const saisie = texte.trim() ? ` « ${texte.trim()} »${raison ? ` (${raison})` : ""}.` : "";
  return gardee
    ? `Date non reconnue :${saisie} La date reste le ${dateFr(gardee)} : écrivez-en une autre comme « 15/04/2026 » ou ` +
        "choisissez-la dans le calendrier."
    : `Date non reconnue :${saisie} Écrivez-la comme « 15/04/2026 » ou choisissez-la dans le calendrier.`;
}

const majuscule = (s: string) => s[0].toUpperCase() + s.slice(1);
const deux = (n: number) => String(n).padStart(2, "0");

/** A local Date → "2026-04-15". */
export function versIso(d: Date): string {
  return `${d.getFullYear()}-${deux(d.getMonth() + 1)}-${deux(d.getDate())}`;
}

function dateValide(a: number, m: number, j: number): Date | null {
  const d = new Date(a, m - 1, j);
  return d.getFullYear() === a && d.getMonth() === m - 1 && d.getDate() === j ? d : null;
}

/**
 * « 15/04/2026 », « 15.04.2026 », « 15-04-2026 », « 2026-04-15 », « 15 avril 2026 », « 1er avril 2026 » → the
 * date; anything else (« 31/02/2026 », « 04/15/2026 », two-digit years) → null, so the field says it.
 */
export function lireDateFr(texte: string): Date | null {
  const s = texte.trim().toLowerCase().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return dateValide(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return dateValide(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:er)? ([a-zéû]+)\.? (\d{4})$/.exec(s);
  if (m) {
    const mois = MOIS.findIndex((x) => x === m![2] || (m![2].length >= 3 && x.startsWith(m![2])));
    if (mois >= 0) return dateValide(Number(m[3]), mois + 1, Number(m[1]));
  }
  return null;
}

/** A date as the field shows it (« 15 décembre 2026 »): one function for the pane's life (see ChampDate). */
const formaterDate = (d?: Date) => (d ? dateFr(versIso(d)) : "");

function depuisIso(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dateValide(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export interface ChampDateProps {
  label: string;
  /** ISO date "2026-04-15", or "" for none. */
  value: string;
  onChange: (iso: string) => void;
  "data-testid"?: string;
  hint?: string;
  /** The action's refusal of this date (a year outside the calculation's), shown under it when it reads well. */
  refus?: string;
}

export function ChampDate({ label, value, onChange, hint, refus, "data-testid": testId }: ChampDateProps) {
  const [erreur, setErreur] = React.useState<{ type: DatePickerErrorType; texte: string } | undefined>();
  // The text the user typed, as the picker last read it (it puts the date kept back in the field when it refuses one).
  const saisie = React.useRef("");
  // The picker puts the formatted value back in the field whenever its value or its formatDate changes identity: both
  // kept the same across renders, so a page drawn again while the user types (its context saved, another field) does
  // not wipe the text being typed.
  const date = React.useMemo(() => depuisIso(value), [value]);
  return (
    <Field
      label={label}
      hint={hint}
      validationState={erreur || refus ? "error" : "none"}
      validationMessage={
        erreur
          ? erreur.type === "invalid-input"
            ? dateNonReconnue(erreur.texte, date ? value : "")
            : ERREURS[erreur.type]
          : refus
      }
    >
      <DatePicker
        data-testid={testId}
        value={date}
        onSelectDate={(d) => onChange(d ? versIso(d) : "")}
        onValidationResult={(r) => setErreur(r.error && { type: r.error, texte: saisie.current })}
        allowTextInput
        placeholder="jj/mm/aaaa"
        formatDate={formaterDate}
        parseDateFromString={(t) => {
          saisie.current = t;
          return lireDateFr(t);
        }}
        firstDayOfWeek={1}
        strings={CALENDRIER_FR}
        popupSurface={{ "aria-label": "Calendrier" }}
        dateTimeFormatter={{
          formatDay: (d) => String(d.getDate()),
          formatMonth: (d) => majuscule(MOIS[d.getMonth()]),
          formatYear: (d) => String(d.getFullYear()),
          formatMonthYear: (d) => `${majuscule(MOIS[d.getMonth()])} ${d.getFullYear()}`,
          formatMonthDayYear: (d) => dateFr(versIso(d)),
        }}
      />
    </Field>
  );
}
