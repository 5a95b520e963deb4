package org.evenhand.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.evenhand.casework.CaseProcess;

/** The engine side of casework's port. Runs inside the caller's JTA transaction. */
@ApplicationScoped
public class CamundaCaseProcess implements CaseProcess {

    @Inject
    RuntimeService runtime;
    @Inject
    TaskService tasks;
    @Inject
    ManagementService management;
    @Inject
    RepositoryService repository;
    @Inject
    HistoryService history;
    @Inject
    EntityManager em;

    /** Latest definition id per process key, looked up at most once a minute (a start by key asks the database every time). */
    private final Map<String, Latest> latest = new java.util.concurrent.ConcurrentHashMap<>();

    private record Latest(String definitionId, long until) {
    }

    @Override
    public String start(String processKey, String caseRef, Map<String, Object> variables) {
        long now = System.nanoTime();
        Latest l = latest.get(processKey);
        if (l == null || now - l.until() > 0) {
            l = new Latest(repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                    .singleResult().getId(), now + 60_000_000_000L);
            latest.put(processKey, l);
        }
        return runtime.startProcessInstanceById(l.definitionId(), caseRef, variables).getId();
    }

    @Override
    public boolean deliver(String caseRef, String message, Map<String, Object> variables) {
        return !runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseRef)
                .setVariables(variables).correlateAllWithResult().isEmpty();
    }

    @Override
    public List<WorkItem> tasksFor(String username) {
        List<Task> found = tasks.createTaskQuery().or().taskAssignee(username).taskCandidateUser(username).endOr()
                .orderByTaskCreateTime().asc().list();
        return items(found, candidatesOf(found));
    }

    /**
     * The candidate users of many tasks in one query (decision 0034): a queue of hundreds of tasks
     * would otherwise ask the engine for each task's identity links in turn. The engine's tables are
     * read on the transaction's own connection, so what the engine wrote in it is seen.
     */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> candidatesOf(List<Task> found) {
        Map<String, List<String>> byTask = new HashMap<>();
        List<String> ids = found.stream().map(Task::getId).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Object[]> rows = em.createNativeQuery("SELECT task_id_, user_id_ FROM act_ru_identitylink"
                    + " WHERE type_ = :type AND user_id_ IS NOT NULL AND task_id_ IN (:ids) ORDER BY id_")
                    .setParameter("type", IdentityLinkType.CANDIDATE)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultList();
            rows.forEach(r -> byTask.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
        }
        return byTask;
    }

    @Override
    public boolean completedBy(String taskId, String username) {
        HistoricTaskInstance h = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
        return h != null && username.equals(h.getAssignee()) && "completed".equals(h.getDeleteReason());
    }

    @Override
    public Optional<WorkItem> task(String taskId) {
        Task t = tasks.createTaskQuery().taskId(taskId).singleResult();
        return t == null ? Optional.empty() : Optional.of(items(List.of(t)).get(0));
    }

    @Override
    public List<WorkItem> tasksOfCase(String caseRef) {
        return items(tasks.createTaskQuery().processInstanceBusinessKey(caseRef).orderByTaskCreateTime().asc().list());
    }

    @Override
    public List<WorkItem> allOpenTasks() {
        List<Task> found = tasks.createTaskQuery().orderByTaskCreateTime().asc().list();
        return items(found, candidatesOf(found));
    }

    @Override
    public void claim(String taskId, String username) {
        tasks.claim(taskId, username);
    }

    @Override
    public void assign(String taskId, String username) {
        tasks.setAssignee(taskId, username);
    }

    @Override
    public void reoffer(String taskId, List<String> candidates) {
        tasks.setAssignee(taskId, null);
        tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
                .map(l -> l.getUserId()).toList().forEach(u -> tasks.deleteCandidateUser(taskId, u));
        candidates.forEach(u -> tasks.addCandidateUser(taskId, u));
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        tasks.complete(taskId, variables);
    }

    @Override
    public List<String> activeSteps(String caseRef) {
        List<String> steps = new ArrayList<>();
        for (ProcessInstance pi : instances(caseRef)) {
            runtime.getActiveActivityIds(pi.getId()).stream().filter(id -> !id.contains("#")).forEach(steps::add);
        }
        return steps;
    }

    @Override
    public List<Deadline> deadlines(String caseRef) {
        List<Deadline> result = new ArrayList<>();
        for (ProcessInstance pi : instances(caseRef)) {
            for (Job job : management.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
                JobDefinition def = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult();
                FlowElement element = repository.getBpmnModelInstance(pi.getProcessDefinitionId())
                        .getModelElementById(def.getActivityId());
                if (isReminder(element)) {
                    continue; // a reminder is not a deadline: it goes before one (decision 0035)
                }
                String step = element instanceof BoundaryEvent b ? b.getAttachedTo().getId() : def.getActivityId();
                result.add(new Deadline(step, element.getName(), job.getDuedate().toInstant()));
            }
        }
        result.sort((a, b) -> a.due().compareTo(b.due()));
        return result;
    }

    /** A reminder timer: a boundary timer whose path runs to a step sending the reminder. */
    static boolean isReminder(FlowElement element) {
        return element instanceof BoundaryEvent b && b.getOutgoing().stream().map(f -> f.getTarget())
                .anyMatch(t -> t instanceof org.camunda.bpm.model.bpmn.instance.ServiceTask st
                        && "${sendReminder}".equals(st.getCamundaDelegateExpression()));
    }

    private List<ProcessInstance> instances(String caseRef) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list();
    }

    private List<WorkItem> items(List<Task> found) {
        return items(found, null);
    }

    private List<WorkItem> items(List<Task> found, Map<String, List<String>> candidatesByTask) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> piIds = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> refs = new HashMap<>();
        runtime.createProcessInstanceQuery().processInstanceIds(piIds).list()
                .forEach(pi -> refs.put(pi.getId(), pi.getBusinessKey()));
        List<WorkItem> items = new ArrayList<>();
        for (Task t : found) {
            List<String> candidates = candidatesByTask != null
                    ? List.copyOf(candidatesByTask.getOrDefault(t.getId(), List.of()))
                    : tasks.getIdentityLinksForTask(t.getId()).stream()
                            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
                            .map(l -> l.getUserId()).toList();
            items.add(new WorkItem(t.getId(), t.getTaskDefinitionKey(), t.getName(), refs.get(t.getProcessInstanceId()),
                    t.getAssignee(), candidates, t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant()));
        }
        return items;
    }

}
