declare module "@socialgouv/jours-feries" {
  /** Holidays of `year` by French name; dates are local-midnight Date objects. */
  function joursFeries(year: number, opts?: { alsace?: boolean }): Record<string, Date>;
  export = joursFeries;
}
