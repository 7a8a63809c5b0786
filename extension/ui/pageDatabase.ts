// The extension pages' one connection to the database (side panel and options page each load
// this module once).
import { openDatabase } from '../db/database.ts';

export const db = openDatabase();
