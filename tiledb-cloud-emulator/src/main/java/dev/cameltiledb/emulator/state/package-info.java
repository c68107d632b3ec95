/**
 * What the emulator holds, by concern, shared by both API generations: {@link EmulatorState} joins {@link Accounts},
 * the {@link Catalog}, the {@link AccessRules}, the {@link ActivityLog}, the {@link NotebookServers} and, with a data
 * directory, the {@link StateFiles}; routes read and change it only inside the transaction the router runs them in.
 */
package dev.cameltiledb.emulator.state;
