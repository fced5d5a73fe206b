// A page's filters as a form whose submit writes them into the page's URL, so
// every search is a link; the URL's values fill the form back in.
import type { FormEvent, ReactNode } from "react";
import { pageHref, type NAV_PAGES } from "../routing/route.ts";

export interface SearchField {
  name: string;
  label: string;
  type?: "text" | "number" | "datetime-local" | "checkbox";
}

export function SearchForm({ page, query, fields, label, children }: { page: (typeof NAV_PAGES)[number]; query: URLSearchParams; fields: readonly SearchField[]; label: string; children?: ReactNode }) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values: Record<string, string> = {};
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === "string" && v.trim()) values[k] = v.trim();
    location.hash = pageHref(page, values);
  };
  return (
    <form className="search-form" onSubmit={submit} key={query.toString()} aria-label={label}>
      {fields.map((f) =>
        f.type === "checkbox" ? (
          <label key={f.name} className="check">
            <input name={f.name} type="checkbox" value="true" defaultChecked={query.get(f.name) === "true"} /> {f.label}
          </label>
        ) : (
          <label key={f.name}>
            {f.label} <input name={f.name} type={f.type ?? "text"} defaultValue={query.get(f.name) ?? ""} {...inputLimits(f.type)} />
          </label>
        ),
      )}
      <button type="submit" className="btn">Search</button>
      {children}
    </form>
  );
}

function inputLimits(type: SearchField["type"]) {
  if (type === "number") return { min: 0, step: "any" };
  if (type === "datetime-local") return { step: 60 };
  return {};
}
