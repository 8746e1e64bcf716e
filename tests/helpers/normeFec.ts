/**
 * The 18 columns of the FEC norm (article A47 A-1 du LPF), in its order, written out here on purpose: the tests'
 * own reading of the norm, independent of src/core/comptabilite/fec/entete.ts (CHAMPS_FEC, COLONNES_NORME_FEC), so
 * that a column dropped or renamed there fails a test instead of moving the oracle with it. The one copy for tests.
 */
export const COLONNES_NORME_FEC_ORACLE = [
  "JournalCode",
  "JournalLib",
  "EcritureNum",
  "EcritureDate",
  "CompteNum",
  "CompteLib",
  "CompAuxNum",
  "CompAuxLib",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "Debit",
  "Credit",
  "EcritureLet",
  "DateLet",
  "ValidDate",
  "Montantdevise",
  "Idevise",
] as const;
