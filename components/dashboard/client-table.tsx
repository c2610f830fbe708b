/**
 * The one table of clients (or of groups that may be clients): the table alternative of the fit,
 * keep-or-let-go, where-settling and chasing charts. Each row starts with the client's name linking to
 * its page (a plain label for a group that is not a client); long lists stop at TABLE_MAX rows.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { MoreRows, TABLE_MAX, TableDetails } from "./parts";

export interface ClientColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

export function ClientTable<T>({
  caption,
  when,
  nameHeader = "Client",
  rows,
  rowKey,
  client,
  columns,
}: {
  caption: string;
  /** false: no table (the section shows an empty state instead) */
  when?: boolean;
  nameHeader?: string;
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** the row's client; id null for a group that is not a client (shown as plain text) */
  client: (row: T) => { id: number | null; name: string };
  columns: readonly ClientColumn<T>[];
}) {
  return (
    <TableDetails caption={caption} when={when}>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, TABLE_MAX).map((row) => {
          const { id, name } = client(row);
          return (
            <tr key={rowKey(row)}>
              <th scope="row" className="font-medium">
                {id != null ? (
                  <Link className="underline-offset-2 hover:underline" href={`/clients/${id}`}>
                    {name}
                  </Link>
                ) : (
                  name
                )}
              </th>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
        <MoreRows total={rows.length} cols={columns.length + 1} />
      </tbody>
    </TableDetails>
  );
}
