package org.evenhand.management;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.evenhand.casework.Assignment;
import org.evenhand.casework.Reassigning;
import org.evenhand.common.CheckedTogether;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;
import org.evenhand.identity.Pool;
import org.evenhand.identity.PoolMember;
import org.evenhand.membership.Provisioner;
import org.evenhand.trail.ActionTrail;

/**
 * The complaints manager's handlers (decision 0038): adding a member as a handler in chosen pools,
 * changing their pools, recording their training, deactivating (never deleting) and reactivating
 * them. Each change is on the trail. When a change means a handler may no longer take work they
 * were offered, the offers are withdrawn; the tasks they hold wait for the manager to reassign
 * (casework.Reassigning). Adding, deactivating, reactivating a handler and changing their pools queue
 * their member for Keycloak (membership.Provisioner) in the same transaction, so that their realm roles
 * caseworker and panel follow, after the commit.
 */
@ApplicationScoped
public class HandlerAdmin {

    /** A member of the party made a handler, in these pools, with their training if it is known. */
    @CheckedTogether
    public record Add(
            @NotBlank(message = "{manager.member.required}") @Size(max = 20, message = "{manager.member.size}")
            String membershipNumber,
            @NotEmpty(message = "{manager.pools.required}") @Size(max = 20, message = "{manager.pools.max}")
            List<@NotNull(message = "{manager.pools.required}") Long> pools,
            LocalDate trainedOn,
            LocalDate trainingExpires) implements CheckedTogether.Rules {

        @Override
        public void check(CheckedTogether.Refusals refuse) {
            if ((trainedOn == null) != (trainingExpires == null)) {
                refuse.at(trainedOn == null ? "trainedOn" : "trainingExpires", "{manager.training.both}");
            } else if (trainedOn != null && !trainingExpires.isAfter(trainedOn)) {
                refuse.at("trainingExpires", "{manager.expires.after}");
            }
        }
    }

    /** The pools a handler sits in, from now on (their roles follow). */
    public record PoolChoice(
            @NotEmpty(message = "{manager.pools.required}") @Size(max = 20, message = "{manager.pools.max}")
            List<@NotNull(message = "{manager.pools.required}") Long> pools) {
    }

    /** Training completed on a day, counting until another. */
    @CheckedTogether
    public record Training(
            @NotNull(message = "{manager.trained.required}") LocalDate trainedOn,
            @NotNull(message = "{manager.expires.required}") LocalDate trainingExpires) implements CheckedTogether.Rules {

        @Override
        public void check(CheckedTogether.Refusals refuse) {
            if (trainedOn != null && trainingExpires != null && !trainingExpires.isAfter(trainedOn)) {
                refuse.at("trainingExpires", "{manager.expires.after}");
            }
        }
    }

    /** Why a handler is deactivated or reactivated. */
    public record Reasoned(
            @NotBlank(message = "{manager.reason.required}") @Size(max = 500, message = "{manager.reason.size}")
            String reason) {
    }

    /** A pool as a handler's record names it. */
    public record PoolRef(long id, String name, String role) {
    }

    /**
     * A handler as the manager sees them: roles (those of their pools), pools, training, whether
     * active, and their standing today ("in-standing", "inactive", "untrained", "training-lapsed").
     */
    public record HandlerView(String username, String name, String membershipNumber, String clp, List<String> roles,
            List<PoolRef> pools, LocalDate trainedOn, LocalDate trainingExpires, String trainingRecordedBy,
            boolean active, String standing, Instant addedAt, String addedBy, Instant deactivatedAt,
            String deactivatedBy, String deactivationReason) {
    }

    /** One handler with the open tasks they hold or are offered (on cases the manager may handle). */
    public record HandlerDetail(HandlerView handler, List<Reassigning.OpenTask> tasks) {
    }

    @Inject
    Commands commands;
    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;
    @Inject
    Reassigning reassigning;
    @Inject
    jakarta.persistence.EntityManager em;
    @Inject
    Provisioner provisioner;

    @Transactional
    public List<HandlerView> list() {
        Map<String, List<PoolRef>> pools = poolsByHandler();
        Map<String, String> numbers = new HashMap<>();
        Member.<Member>list("username in (select h.username from Handler h)")
                .forEach(m -> numbers.put(m.username, m.membershipNumber));
        return Handler.<Handler>listAll().stream()
                .sorted(Comparator.comparing((Handler h) -> !h.active).thenComparing(h -> h.displayName.toLowerCase()))
                .map(h -> view(h, pools.getOrDefault(h.username, List.of()), numbers.get(h.username))).toList();
    }

    @Transactional
    public HandlerDetail one(String manager, String username) {
        Handler h = handler(username);
        return detail(manager, h);
    }

    @Transactional
    public HandlerDetail add(String manager, Add in) {
        commands.check(in);
        String number = in.membershipNumber().strip().toUpperCase(java.util.Locale.ROOT);
        Member m = Member.byMembershipNumber(number)
                .orElseThrow(() -> ProblemException.invalidField("membershipNumber", "no member has this membership number"));
        if (m.username == null || m.username.isBlank()) {
            throw ProblemException.invalidField("membershipNumber",
                    "this member has no login yet, so could not sign in to handle cases");
        }
        Handler existing = Handler.findById(m.username);
        if (existing != null) {
            throw ProblemException.conflict(m.displayName + " is already a handler" + (existing.active ? ""
                    : " (deactivated: reactivate them instead)"));
        }
        List<Pool> pools = pools(in.pools());
        if (in.trainedOn() != null && in.trainedOn().isAfter(time.today())) {
            throw ProblemException.invalidField("trainedOn", "record training once it is done, not a future day");
        }
        Handler h = new Handler();
        h.username = m.username;
        h.displayName = m.displayName;
        h.clp = m.clp;
        h.active = true;
        h.trainedOn = in.trainedOn();
        h.trainingExpires = in.trainingExpires();
        h.trainingRecordedBy = in.trainedOn() == null ? null : manager;
        h.addedAt = time.now();
        h.addedBy = manager;
        h.persist();
        pools.forEach(p -> PoolMember.of(h.username, p.id).persist());
        provisioner.queue(List.of(m.id));
        trail.record(manager, "handler-added", null, h.username + " in " + names(pools) + (h.trainedOn == null
                ? "; no training recorded (not drawn until it is)" : "; trained " + h.trainedOn + " until " + h.trainingExpires));
        return detail(manager, h);
    }

    @Transactional
    public HandlerDetail setPools(String manager, String username, PoolChoice in) {
        Handler h = handler(username);
        commands.check(in);
        List<Pool> pools = pools(in.pools());
        PoolMember.delete("username", h.username);
        em.flush();
        pools.forEach(p -> PoolMember.of(h.username, p.id).persist());
        em.flush();
        trail.record(manager, "handler-pools-changed", null, h.username + " now in " + names(pools));
        queueForKeycloak(h);
        reassigning.withdrawOffers(h.username, manager, "their pools changed");
        return detail(manager, h);
    }

    @Transactional
    public HandlerDetail recordTraining(String manager, String username, Training in) {
        Handler h = handler(username);
        commands.check(in);
        if (in.trainedOn().isAfter(time.today())) {
            throw ProblemException.invalidField("trainedOn", "record training once it is done, not a future day");
        }
        h.trainedOn = in.trainedOn();
        h.trainingExpires = in.trainingExpires();
        h.trainingRecordedBy = manager;
        em.flush();
        trail.record(manager, "training-recorded", null, h.username + ": trained " + h.trainedOn + " until "
                + h.trainingExpires);
        reassigning.withdrawOffers(h.username, manager, "their training has lapsed");
        return detail(manager, h);
    }

    @Transactional
    public HandlerDetail deactivate(String manager, String username, Reasoned in) {
        Handler h = handler(username);
        commands.check(in);
        if (h.username.equals(manager)) {
            throw ProblemException.conflict("you cannot deactivate yourself: ask another complaints manager");
        }
        if (!h.active) {
            throw ProblemException.conflict(h.displayName + " is already deactivated");
        }
        h.active = false;
        h.deactivatedAt = time.now();
        h.deactivatedBy = manager;
        h.deactivationReason = in.reason().strip();
        em.flush();
        queueForKeycloak(h);
        int[] moved = reassigning.withdrawOffers(h.username, manager, "deactivated");
        trail.record(manager, "handler-deactivated", null, h.username + ": " + moved[0] + " offers withdrawn, "
                + moved[1] + " tasks held to reassign");
        return detail(manager, h);
    }

    @Transactional
    public HandlerDetail reactivate(String manager, String username, Reasoned in) {
        Handler h = handler(username);
        commands.check(in);
        if (h.active) {
            throw ProblemException.conflict(h.displayName + " is active");
        }
        h.active = true;
        h.deactivatedAt = null;
        h.deactivatedBy = null;
        h.deactivationReason = null;
        queueForKeycloak(h);
        trail.record(manager, "handler-reactivated", null, h.username + ": " + in.reason().strip());
        return detail(manager, h);
    }

    /** Their Keycloak user's realm roles follow, after the commit (a handler with no member record has none to follow). */
    private void queueForKeycloak(Handler h) {
        Member.byUsername(h.username).ifPresent(m -> provisioner.queue(List.of(m.id)));
    }

    private Handler handler(String username) {
        Handler h = username == null ? null : Handler.findById(username);
        if (h == null) {
            throw ProblemException.notFound("handler " + username);
        }
        return h;
    }

    private List<Pool> pools(List<Long> ids) {
        List<Pool> out = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            Pool p = Pool.findById(id);
            if (p == null) {
                throw ProblemException.invalidField("pools", "there is no pool " + id);
            }
            out.add(p);
        }
        return out;
    }

    private static String names(List<Pool> pools) {
        return pools.stream().map(p -> p.name + " (" + p.role + ")").collect(Collectors.joining(", "));
    }

    private HandlerDetail detail(String manager, Handler h) {
        List<PoolRef> pools = Pool.of(h.username).stream().map(p -> new PoolRef(p.id, p.name, p.role)).toList();
        String number = Member.byUsername(h.username).map(m -> m.membershipNumber).orElse(null);
        return new HandlerDetail(view(h, pools, number), reassigning.ofHandler(manager, h.username));
    }

    private Map<String, List<PoolRef>> poolsByHandler() {
        Map<Long, Pool> pools = new HashMap<>();
        Pool.<Pool>listAll().forEach(p -> pools.put(p.id, p));
        Map<String, List<PoolRef>> out = new HashMap<>();
        PoolMember.<PoolMember>listAll().forEach(m -> {
            Pool p = pools.get(m.poolId);
            out.computeIfAbsent(m.username, u -> new ArrayList<>()).add(new PoolRef(p.id, p.name, p.role));
        });
        out.values().forEach(l -> l.sort(Comparator.comparing(PoolRef::role).thenComparing(PoolRef::name)));
        return out;
    }

    private HandlerView view(Handler h, List<PoolRef> pools, String number) {
        List<String> roles = Handler.ROLES.stream().filter(r -> pools.stream().anyMatch(p -> p.role().equals(r))).toList();
        return new HandlerView(h.username, h.displayName, number, h.clp, roles, pools, h.trainedOn, h.trainingExpires,
                h.trainingRecordedBy, h.active, Assignment.standing(h).on(time.today()).code(), h.addedAt, h.addedBy,
                h.deactivatedAt, h.deactivatedBy, h.deactivationReason);
    }
}
