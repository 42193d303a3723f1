"""Constants of the LLM Ops integration."""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Final

DOMAIN: Final = "llm_ops"
LOGGER = logging.getLogger(__package__)

# The sidecar's /api/health names itself so a client can tell it from any other server.
SIDECAR_SERVICE: Final = "ha-llm-ops"
REQUEST_TIMEOUT: Final = 10

# Events pushed by the sidecar do the real work; the poll is a safety net.
SCAN_INTERVAL: Final = timedelta(seconds=60)
# Events come in bursts (an incident opens, is analyzed, gets a proposal).
REFRESH_COOLDOWN: Final = 1.0

EVENT_INCIDENT: Final = "llm_ops_incident"
EVENT_ACTION: Final = "llm_ops_action"
EVENT_MAINTENANCE: Final = "llm_ops_maintenance"

SEVERITIES: Final = ("critical", "error", "warning", "info")
SEVERITY_RANK: Final = {"critical": 3, "error": 2, "warning": 1, "info": 0}
MODES: Final = ("observe", "approve", "auto")
# The maintenance select's options: off, or on for this many minutes.
MAINTENANCE_OFF: Final = "off"
MAINTENANCE_OPTIONS: Final = {"30_min": 30, "1_h": 60, "2_h": 120, "4_h": 240}
# Longest maintenance the sidecar accepts at once.
MAINTENANCE_MAX: Final = timedelta(hours=24)

# Options.
CONF_REPAIR_SEVERITY: Final = "repair_severity"
CONF_NOTIFY_INCIDENTS: Final = "notify_incidents"
CONF_NOTIFY_ACTIONS: Final = "notify_actions"
DEFAULT_REPAIR_SEVERITY: Final = "error"
DEFAULT_NOTIFY_INCIDENTS: Final = False
DEFAULT_NOTIFY_ACTIONS: Final = True

# Repairs.
ISSUE_SIDECAR_UNREACHABLE: Final = "sidecar_unreachable"
ISSUE_POLICY_INVALID: Final = "policy_invalid"
ISSUE_SYSTEM_LOG_EVENTS: Final = "system_log_events_off"
ISSUE_INCIDENT: Final = "incident"
ISSUE_INCIDENT_FIXABLE: Final = "incident_fixable"
ISSUE_PREFIX: Final = "incident_"

# A proposal being carried out: how long the fix flow waits for the outcome.
EXECUTION_POLL_INTERVAL: Final = 2.0
EXECUTION_TIMEOUT: Final = 300.0
PROPOSAL_RUNNING: Final = frozenset({"approved", "executing"})

# The front end.
PANEL_URL_PATH: Final = "llm-ops"
PANEL_ELEMENT: Final = "llm-ops-panel"
PANEL_TITLE: Final = "LLM Ops"
PANEL_ICON: Final = "mdi:stethoscope"
STATIC_URL: Final = "/llm_ops_static"
PANEL_JS: Final = "llm-ops-panel.js"
CARDS_JS: Final = "llm-ops-cards.js"

# Services.
SERVICE_APPROVE: Final = "approve"
SERVICE_REJECT: Final = "reject"
SERVICE_DISMISS: Final = "dismiss"
SERVICE_REANALYZE: Final = "reanalyze"
SERVICE_START_REAUTH: Final = "start_reauth"
SERVICE_MARK_FALSE_ALARM: Final = "mark_false_alarm"
SERVICE_RESET_LEARNED_QUIET: Final = "reset_learned_quiet"
SERVICE_START_MAINTENANCE: Final = "start_maintenance"
SERVICE_END_MAINTENANCE: Final = "end_maintenance"
ATTR_DURATION: Final = "duration"
ATTR_PROPOSAL_ID: Final = "proposal_id"
ATTR_INCIDENT_ID: Final = "incident_id"
ATTR_IGNORE_SIMILAR: Final = "ignore_similar"
ATTR_REASON: Final = "reason"
ATTR_ENTRY_ID: Final = "entry_id"
ATTR_LEARNED_ID: Final = "learned_id"
