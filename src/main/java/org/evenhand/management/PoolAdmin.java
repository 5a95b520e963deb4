package org.evenhand.management;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.Assignment;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Pool;
import org.evenhand.identity.PoolMember;
import org.evenhand.trail.ActionTrail;

/**
 * The pools handlers are drawn from (decision 0038): each serves one role; a draw for a role takes
 * the eligible from all of its pools. The manager lists, adds and renames them; a pool is never
 * deleted (a handler's history names it), and its role never changes (that would change, behind
 * their backs, what its handlers do).
 */
@ApplicationScoped
public class PoolAdmin {

    /** A new pool: its name and the role its handlers are drawn for. */
    public record NewPool(
            @NotBlank(message = "{manager.pool.name.required}") @Size(max = 80, message = "{manager.pool.name.size}")
            String name,
            @NotBlank(message = "{manager.pool.role.required}")
            @Pattern(regexp = "caseworker|panel|manager", message = "{manager.pool.role.required}") String role) {
    }

    /** A pool's new name. */
    public record Rename(
            @NotBlank(message = "{manager.pool.name.required}") @Size(max = 80, message = "{manager.pool.name.size}")
            String name) {
    }

    /** A pool with how many handlers sit in it and how many of them may be drawn today. */
    public record PoolView(long id, String name, String role, Instant createdAt, int handlers, int drawable) {
    }

    @Inject
    Commands commands;
    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;

    @Transactional
    public List<PoolView> list() {
        Map<String, Handler> handlers = new HashMap<>();
        Handler.<Handler>listAll().forEach(h -> handlers.put(h.username, h));
        Map<Long, int[]> counts = new HashMap<>();
        PoolMember.<PoolMember>listAll().forEach(m -> {
            int[] c = counts.computeIfAbsent(m.poolId, id -> new int[2]);
            c[0]++;
            Handler h = handlers.get(m.username);
            if (h != null && Assignment.standing(h).mayBeDrawn(time.today())) {
                c[1]++;
            }
        });
        return Pool.all().stream().map(p -> view(p, counts.getOrDefault(p.id, new int[2]))).toList();
    }

    @Transactional
    public PoolView one(long id) {
        Pool p = pool(id);
        return list().stream().filter(v -> v.id() == p.id).findFirst().orElseThrow();
    }

    @Transactional
    public PoolView add(String manager, NewPool in) {
        commands.check(in);
        String name = unique(in.name(), null);
        Pool p = new Pool();
        p.name = name;
        p.role = in.role();
        p.createdAt = time.now();
        p.persist();
        trail.record(manager, "pool-added", null, "pool " + p.id + " '" + p.name + "' (" + p.role + ")");
        return view(p, new int[2]);
    }

    @Transactional
    public PoolView rename(String manager, long id, Rename in) {
        Pool p = pool(id);
        commands.check(in);
        String before = p.name;
        p.name = unique(in.name(), p.id);
        trail.record(manager, "pool-renamed", null, "pool " + p.id + " '" + before + "' -> '" + p.name + "'");
        return one(id);
    }

    private static Pool pool(long id) {
        Pool p = Pool.findById(id);
        if (p == null) {
            throw ProblemException.notFound("pool " + id);
        }
        return p;
    }

    /** The name, its spacing tidied, if no other pool has it (in any case). */
    private static String unique(String name, Long self) {
        String tidy = name.strip().replaceAll("\\s+", " ");
        boolean taken = Pool.<Pool>find("lower(name) = ?1", tidy.toLowerCase(java.util.Locale.ROOT)).stream()
                .anyMatch(p -> !p.id.equals(self));
        if (taken) {
            throw ProblemException.invalidField("name", "a pool has this name already");
        }
        return tidy;
    }

    private static PoolView view(Pool p, int[] counts) {
        return new PoolView(p.id, p.name, p.role, p.createdAt, counts[0], counts[1]);
    }
}
