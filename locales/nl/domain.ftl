# domain: nl
