import Add from '@mui/icons-material/Add';
import { Button, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import type { ActionType } from '../generated/plan';
import { ACTION_TYPES } from '../generated/plan';
import { actionStyle, describe, ink } from '../common/actionStyle';

/** Every whitelisted action, with what it does, to add by hand. */
export function AddStepButton({ onAdd }: { onAdd: (type: ActionType) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        size="small"
        startIcon={<Add />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor != null}
        aria-controls={anchor ? 'add-step-menu' : undefined}
      >
        Add a step
      </Button>
      <Menu
        id="add-step-menu"
        anchorEl={anchor}
        open={anchor != null}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { maxWidth: 420, maxHeight: 420 } } }}
      >
        {ACTION_TYPES.map((type) => (
          <MenuItem
            key={type}
            onClick={() => {
              setAnchor(null);
              onAdd(type);
            }}
          >
            <ListItemText
              primary={actionStyle(type).label}
              secondary={describe(type)}
              slotProps={{
                primary: { sx: { color: ink(actionStyle(type).color), fontWeight: 600 } },
                secondary: { sx: { whiteSpace: 'normal' } },
              }}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
