package org.evenhand.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package, installed when missing) in front of several child apps on this
 * machine: round robin, readiness checks every half second, and a retry on another node only when
 * the connection could not be made, so a complaint is never sent twice. It names the node that
 * answered in the {@code X-Evenhand-Node} response header.
 */
public final class LoadBalancer implements AutoCloseable {

    public static final String NODE_HEADER = "X-Evenhand-Node";

    private final Process process;
    private final Path log;
    public final int port;

    private LoadBalancer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts HAProxy on {@code port} in front of the given apps (named a, b, c ...) and waits until it serves. */
    public static LoadBalancer haproxy(int port, Path dir, List<ChildApp> nodes) throws Exception {
        String binary = ensureInstalled();
        Files.createDirectories(dir);
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 256
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 30s
                    timeout server 30s
                    # a new connection that fails is tried again, on another node; a request once sent never is
                    retries 2
                    option redispatch 1
                frontend evenhand
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /q/health/ready
                    http-check expect status 200
                    http-response set-header %s %%s
                    default-server inter 500ms fall 2 rise 2
                """.formatted(port, NODE_HEADER));
        for (int i = 0; i < nodes.size(); i++) {
            cfg.append("    server ").append((char) ('a' + i)).append(" 127.0.0.1:").append(nodes.get(i).port)
                    .append(" check\n");
        }
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, cfg);
        Path log = dir.resolve("haproxy.log");
        Process p = new ProcessBuilder(binary, "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LoadBalancer lb = new LoadBalancer(p, log, port);
        lb.awaitServing(Duration.ofSeconds(20));
        return lb;
    }

    /** Waits until readiness answers 200 through the balancer (a node is up behind it). */
    private void awaitServing(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("haproxy did not serve within " + timeout + "; see " + log);
    }

    /** The haproxy binary, installed from Debian's packages if missing (root, or password-less sudo). */
    static String ensureInstalled() throws Exception {
        String script = """
                set -e
                if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
                  if [ "$(id -u)" -eq 0 ]; then run=(); else run=(sudo -n); fi
                  "${run[@]}" apt-get update -qq >/dev/null
                  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq haproxy >/dev/null
                fi
                command -v haproxy 2>/dev/null || echo /usr/sbin/haproxy
                """;
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
            throw new IllegalStateException("haproxy is missing and could not be installed with apt-get");
        }
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
