package io.berth.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandsTest {
    private final EngineHarness h = new EngineHarness();

    ImageCommandsTest() throws IOException {
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static final String IMAGES = "[{\"Id\":\"sha256:1234567890abcdef1234\",\"RepoTags\":[\"busybox:latest\","
            + "\"busybox:1.36\"],\"RepoDigests\":[\"busybox@sha256:feed\"],\"Created\":1703505600,\"Size\":4261550,"
            + "\"SharedSize\":-1,\"Containers\":-1},{\"Id\":\"sha256:abcdefabcdef0000\",\"RepoTags\":[],"
            + "\"RepoDigests\":[],\"Created\":1704106800,\"Size\":100}]";

    @Test
    void whenImagesAreListed_thenOneRowPerTagAndNoneForDangling() {
        h.daemon.json("GET /images/json", 200, IMAGES);

        assertEquals("REPOSITORY   TAG       IMAGE ID       CREATED             SIZE\n"
                + "busybox      latest    1234567890ab   7 days ago          4.26MB\n"
                + "busybox      1.36      1234567890ab   7 days ago          4.26MB\n"
                + "<none>       <none>    abcdefabcdef   About an hour ago   100B\n", h.berth("images").out());
        assertEquals("1234567890ab\nabcdefabcdef\n", h.berth("image", "ls", "-q").out());
        assertTrue(h.berth("images", "--digests").out().contains("busybox      latest    sha256:feed   1234567890ab"));
        h.berth("image", "list", "--filter", "dangling=true", "busybox");
        assertEquals(Map.of("filters", "{\"dangling\":[\"true\"],\"reference\":[\"busybox\"]}"),
                h.daemon.last("GET /images/json").query());
    }

    @Test
    void whenRmiRuns_thenUntaggedAndDeletedLinesAsDocker() {
        h.daemon.json("DELETE /images/busybox", 200, "[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"sha256:1\"}]");

        CliHarness.Result r = h.berth("rmi", "-f", "busybox");

        assertEquals("Untagged: busybox:latest\nDeleted: sha256:1\n", r.out());
        assertEquals(Map.of("force", "1"), h.daemon.last("DELETE /images/busybox").query());
    }

    @Test
    void whenPullingQuietly_thenOnlyTheCanonicalNameIsPrinted() {
        h.daemon.chunked("POST /images/create", "application/json", "{\"status\":\"Pulling from library/busybox\"}\n");

        assertEquals("docker.io/library/busybox:1.36\n", h.berth("pull", "-q", "busybox:1.36").out());
        assertEquals(Map.of("fromImage", "busybox", "tag", "1.36"), h.daemon.last("POST /images/create").query());
        h.berth("pull", "localhost:5000/team/app@sha256:abcd");
        assertEquals(Map.of("fromImage", "localhost:5000/team/app", "tag", "sha256:abcd"),
                h.daemon.last("POST /images/create").query());
    }

    @Test
    void whenLoggedIn_thenPullSendsTheRegistryAuthAndLogoutRemovesIt(@TempDir Path home) throws IOException {
        h.daemon.json("POST /auth", 200, "{\"Status\":\"Login Succeeded\"}")
                .chunked("POST /images/create", "application/json", "{\"status\":\"Done\"}\n");
        CliHarness berth = new CliHarness().env("HOME", home.toString()).stdin("s3cret\n");

        CliHarness.Result login = berth.run("-H", h.daemon.host(), "login", "-u", "bob", "--password-stdin",
                "localhost:5000");

        assertEquals(0, login.code(), login.err());
        assertEquals("Login Succeeded\n", login.out());
        assertEquals("{\"username\":\"bob\",\"password\":\"s3cret\",\"serveraddress\":\"localhost:5000\"}",
                h.daemon.last("POST /auth").text());
        Path config = home.resolve(".berth/config.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertTrue(Files.readString(config).contains("\"auth\": \"Ym9iOnMzY3JldA==\""), Files.readString(config));

        berth.run("-H", h.daemon.host(), "pull", "localhost:5000/app");
        String auth = h.daemon.last("POST /images/create").headers().get("x-registry-auth");
        assertEquals("{\"username\":\"bob\",\"password\":\"s3cret\",\"serveraddress\":\"localhost:5000\"}",
                new String(Base64.getUrlDecoder().decode(auth)));

        assertEquals("Removing login credentials for localhost:5000\n",
                berth.run("logout", "localhost:5000").out());
        assertEquals("Not logged in to localhost:5000\n", berth.run("logout", "localhost:5000").out());
    }

    @Test
    void whenSavingToATerminal_thenDockersRefusal() {
        CliHarness.Result r = h.outTerminal(true).berth("save", "busybox");

        assertEquals(1, r.code());
        assertEquals("berth: cowardly refusing to save to a terminal. Use the -o flag or redirect\n", r.err());
    }

    @Test
    void whenHistoryIsShown_thenDockersColumns() {
        h.daemon.json("GET /images/busybox/history", 200, "[{\"Id\":\"sha256:1234567890abcdef\",\"Created\":1703505600,"
                + "\"CreatedBy\":\"/bin/sh -c #(nop) ADD file:abcdef0123456789 in / \",\"Size\":4261550,"
                + "\"Comment\":\"\"},{\"Id\":\"<missing>\",\"Created\":1703505600,\"CreatedBy\":\"CMD [\\\"sh\\\"]\","
                + "\"Size\":0,\"Comment\":\"buildkit\"}]");

        assertEquals("IMAGE          CREATED      CREATED BY                                      SIZE      COMMENT\n"
                + "1234567890ab   7 days ago   /bin/sh -c #(nop) ADD file:abcdef0123456789 …   4.26MB    \n"
                + "<missing>      7 days ago   CMD [\"sh\"]                                      0B        buildkit\n",
                h.berth("history", "busybox").out());
    }

    @Test
    void whenVolumesAreManaged_thenDockersShapes() {
        h.daemon.json("POST /volumes/create", 201, "{\"Name\":\"data\",\"Driver\":\"local\"}")
                .json("GET /volumes", 200, "{\"Volumes\":[{\"Name\":\"data\",\"Driver\":\"local\"},{\"Name\":\"abc\","
                        + "\"Driver\":\"local\"}],\"Warnings\":[]}")
                .status("DELETE /volumes/data", 204);

        assertEquals("data\n", h.berth("volume", "create", "-o", "type=tmpfs", "--label", "a=b", "data").out());
        assertEquals("{\"Name\":\"data\",\"Driver\":\"local\",\"DriverOpts\":{\"type\":\"tmpfs\"},\"Labels\":{\"a\":\"b\"}}",
                h.daemon.last("POST /volumes/create").text());
        assertEquals("DRIVER    VOLUME NAME\nlocal     abc\nlocal     data\n", h.berth("volume", "ls").out());
        assertEquals("abc\ndata\n", h.berth("volume", "ls", "-q").out());
        assertEquals("data\n", h.berth("volume", "rm", "-f", "data").out());
        assertEquals(Map.of("force", "1"), h.daemon.last("DELETE /volumes/data").query());
    }
}
