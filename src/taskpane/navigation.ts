import * as React from "react";

/** Lets a page open another one by its id (the home page's blocks, « voir la page Contrôles »). */
export const NavigationContexte = React.createContext<(page: string) => void>(() => undefined);

export const useNavigation = () => React.useContext(NavigationContexte);
