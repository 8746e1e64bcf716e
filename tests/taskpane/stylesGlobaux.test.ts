import {
  fieldClassNames,
  inputClassNames,
  selectClassNames,
  tableCellClassNames,
  tableClassNames,
  tableHeaderCellClassNames,
} from "@fluentui/react-components";
import { CLASSES_FLUENT } from "../../src/taskpane/stylesGlobaux";

/**
 * The pane's global rules name Fluent's parts by their class names written out (importing Fluent's constants would
 * bring the components' styles into the first load): they are still the ones Fluent puts on its elements.
 */
test("les noms de classes écrits dans stylesGlobaux sont ceux de Fluent", () => {
  expect(CLASSES_FLUENT).toEqual({
    field: fieldClassNames.root,
    select: selectClassNames.root,
    selectSelect: selectClassNames.select,
    input: inputClassNames.root,
    inputInput: inputClassNames.input,
    table: tableClassNames.root,
    tableCell: tableCellClassNames.root,
    tableHeaderCell: tableHeaderCellClassNames.root,
  });
});
