# domain: fr
