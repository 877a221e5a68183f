/** The one row of a table with nothing to list. */
export function EmptyRow({ columns, text = 'None' }: { columns: number; text?: string }) {
  return (
    <tr>
      <td colSpan={columns} className="muted">
        {text}
      </td>
    </tr>
  );
}
