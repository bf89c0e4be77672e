package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.merge.Merger;
import io.berth.compose.internal.transform.Paths;
import io.berth.compose.internal.tree.TreePath;
import io.berth.compose.internal.tree.Trees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extends}: a service starts from another service (same file, or another file whose relative paths are
 * resolved against its own directory) and is merged over it with the usual rules. Chains are followed; a cycle is
 * an error that lists the chain.
 */
final class Extends {
    private final FileLoader loader;
    private final FileSystem fs;
    private final String fileName;

    Extends(FileLoader loader, FileSystem fs, String fileName) {
        this.loader = loader;
        this.fs = fs;
        this.fileName = fileName;
    }

    void apply(Map<String, Object> dict, LoadFlags flags, ExtendsTracker tracker, ResetPaths post) {
        Object a = dict.get("services");
        if (a == null) {
            return;
        }
        if (!(a instanceof Map<?, ?> m)) {
            throw new ComposeException(fileName, fileName + ": services must be a mapping");
        }
        Map<String, Object> services = Trees.map(m);
        for (String name : new ArrayList<>(services.keySet())) {
            services.put(name, applyService(name, services, flags, tracker, post, fileName));
        }
    }

    private Object applyService(String name, Map<String, Object> services, LoadFlags flags,
                                ExtendsTracker tracker, ResetPaths post, String filename) {
        Object s = services.get(name);
        if (s == null) {
            return null;
        }
        if (!(s instanceof Map<?, ?> sm)) {
            throw new ComposeException(filename, filename + ": services." + name + " must be a mapping");
        }
        Map<String, Object> service = Trees.map(sm);
        Object ext = service.get("extends");
        if (ext == null) {
            return s;
        }
        String ref;
        Object file = null;
        if (ext instanceof Map<?, ?> em) {
            if (!(em.get("service") instanceof String r)) {
                throw new ComposeException(filename, filename + ": extends." + name
                        + ".service is required: name the service to extend");
            }
            ref = r;
            file = em.get("file");
        } else {
            ref = ext instanceof String str ? str : ""; // compose-go only reads a string or a mapping here
        }
        Map<String, Object> base = services;
        ResetPaths processor = post;
        LoadFlags nextFlags = flags;
        String current = filename;
        if (file != null) {
            String refFile = file.toString();
            String local = Paths.isAbs(refFile) ? refFile : Paths.join(flags.resourceDir(), refFile);
            if (!fs.isFile(local)) {
                throw new ComposeException(filename, "cannot extend service \"" + name + "\" in " + filename
                        + (fs.isDirectory(local) ? ": read " + local + ": is a directory"
                        : ": open " + local + ": no such file or directory"));
            }
            String dir = parent(local);
            // as compose-go: nested extends.file values are resolved against the extended file's directory
            // relative to ours, so a reference keeps resolving against our resource directory
            nextFlags = flags.forExtends(flags.resourceDir());
            FileLoader.FileResult r = loader.loadFile(new ConfigFile(local, fs.read(local)), flags.forExtends(dir),
                    dir, null, tracker, new LinkedHashMap<>(), List.of());
            Map<String, Object> loaded = r.dict();
            if (!(loaded.get("services") instanceof Map<?, ?> ls)) {
                throw new ComposeException(local, "cannot extend service \"" + name + "\" in " + local
                        + ": no services section");
            }
            base = Trees.map(ls);
            if (!base.containsKey(ref)) {
                throw new ComposeException(filename, "cannot extend service \"" + name + "\" in " + filename
                        + ": service \"" + ref + "\" not found in " + refFile);
            }
            new PathResolver(relative(flags.resourceDir(), dir), fs.home()).resolve(loaded);
            processor = r.reset();
            current = refFile;
        } else if (!services.containsKey(ref)) {
            throw new ComposeException(filename, "cannot extend service \"" + name + "\" in " + filename
                    + ": service \"" + ref + "\" not found");
        }
        ExtendsTracker next = tracker.add(current, name);
        // the file being loaded stays the one named in messages and same-file references, as in compose-go
        Object resolvedBase = new Extends(loader, fs, fileName).applyService(ref, base, nextFlags, next, processor,
                filename);
        if (resolvedBase == null) {
            return service;
        }
        Map<String, Object> source = Trees.map(Trees.deepCopy(resolvedBase));
        Map<String, Object> wrapper = new LinkedHashMap<>();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put(name, source);
        wrapper.put("services", inner);
        post.apply(wrapper);
        Map<String, Object> merged = Trees.map(Merger.merge(source, service, TreePath.of("services", "x")));
        merged.remove("extends");
        services.put(name, merged);
        return merged;
    }

    /** filepath.Rel for two absolute directories ({@code .} when equal). */
    static String relative(String base, String target) {
        String rel = java.nio.file.Path.of(base).relativize(java.nio.file.Path.of(target)).toString();
        return rel.isEmpty() ? "." : rel;
    }

    static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }
}
