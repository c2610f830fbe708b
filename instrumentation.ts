/** Runs once when the server starts: open the database and apply migrations before serving. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { readyDb } = await import("./server/database");
    await readyDb();
  }
}
