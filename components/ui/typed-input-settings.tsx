"use client";
import { createContext, useContext } from "react";

/** How the person writes numbers and how long their day is (settings), for every typed field under it. */
export interface TypedInputSettings {
  locale?: string;
  hoursPerDay?: number;
}

const Settings = createContext<TypedInputSettings>({});

/** Pages with forms wrap them once, so a typed field reads "1.200,50" as the server will without each form passing it down. */
export function TypedInputSettingsProvider({ locale, hoursPerDay, children }: TypedInputSettings & { children: React.ReactNode }) {
  return <Settings.Provider value={{ locale, hoursPerDay }}>{children}</Settings.Provider>;
}

export const useTypedInputSettings = () => useContext(Settings);
