package dev.cameltiledb.arraylake.emulator;

/** A person who signs in through the browser flow and calls with the id token. */
record UserAccount(String id, String email, String firstName, String familyName) implements Principal {}
